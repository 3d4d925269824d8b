/**
 * TEMPORARY placeholder (the integrator replaces it with the real relay written in parallel):
 * the signature the Electron host calls, failing with a bilingual "not available yet".
 *
 * @module
 */
import type { PlaygroundBridge } from '../../../shared/ipc/ipcContract.ts'
import type { RequestProvider, RpcExposure } from './host.ts'

export async function exposeRpcOverIpc(bridge: PlaygroundBridge, options: { port: number; provider: RequestProvider }): Promise<RpcExposure> {
  void bridge
  void options
  throw new Error('Exposing JSON-RPC from the desktop app is not available yet. / 데스크톱 앱에서 JSON-RPC 공개는 아직 지원하지 않습니다.')
}
