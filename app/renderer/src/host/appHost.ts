/**
 * The app's one host, created on first use and loaded with a dynamic import: the host pulls in
 * isomorphic-git and the IndexedDB file system, which the home page must not wait for.
 *
 * @module
 */
import type { PlaygroundHost } from './host.ts'

let host: Promise<PlaygroundHost> | undefined

/**
 * @example
 * const { storage } = await appHost()
 */
export function appHost(): Promise<PlaygroundHost> {
  host ??= import('./selectHost.ts').then(async (m) => await m.createHost())
  host.catch(() => {
    host = undefined // a failed start is retried on the next use
  })
  return host
}
