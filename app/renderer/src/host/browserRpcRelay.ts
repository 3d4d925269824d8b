/**
 * TEMPORARY placeholder (the integrator replaces it with the real relay written in parallel):
 * the signature the browser host calls, failing with a bilingual "not available yet".
 *
 * @module
 */
import type { RequestProvider, RpcExposure } from './host.ts'

export async function exposeRpcOverWebSocket(options: { port: number; provider: RequestProvider; baseUrl?: string }): Promise<RpcExposure> {
  void options
  throw new Error('Exposing JSON-RPC from the web edition is not available yet. / 웹판에서 JSON-RPC 공개는 아직 지원하지 않습니다.')
}
