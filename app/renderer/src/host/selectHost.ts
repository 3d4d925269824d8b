/**
 * Which host the renderer runs on: the desktop app when the preload put its bridge on
 * `window.playground`, the browser (the web edition) otherwise.
 *
 * @module
 */
import type { BridgeKey, PlaygroundBridge } from '../../../shared/ipc/ipcContract.ts'
import { createBrowserHost } from './browserHost.ts'
import { createElectronHost } from './electronHost.ts'
import type { PlaygroundHost } from './host.ts'

/** `window.playground` (written out: importing the contract's value would pull zod into the page). */
const BRIDGE_KEY: BridgeKey = 'playground'

/**
 * @example
 * const host = createHost()
 * host.kind // 'electron' inside the desktop app, 'browser' in the web edition
 */
export function createHost(scope: object = globalThis): PlaygroundHost {
  const bridge = (scope as Partial<Record<typeof BRIDGE_KEY, PlaygroundBridge>>)[BRIDGE_KEY]
  return bridge !== undefined && bridge !== null && typeof bridge === 'object' ? createElectronHost(bridge) : createBrowserHost()
}
