/**
 * The JSON-RPC edge policy of DESIGN.md § Security (loopback Host against DNS rebinding; no
 * Origin, local pages and browser extensions allowed; other web origins refused), as the runtime
 * defines it once in runtime/rpc/originPolicy.ts. Re-exported here because Electron main's relay
 * server may import app/shared but not runtime/: one policy, not a copy.
 *
 * @module
 */
export type { CheckRequestOriginParameters, OriginCheck } from '../../../runtime/rpc/originPolicy.ts'
export { checkRequestOrigin } from '../../../runtime/rpc/originPolicy.ts'
