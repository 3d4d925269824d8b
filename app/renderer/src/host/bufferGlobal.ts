/**
 * isomorphic-git (under app/shared's workspace library) calls Node's `Buffer` as a global, which a
 * browser does not have: this module puts the `buffer` package's Buffer (feross/buffer, the
 * polyfill isomorphic-git documents) on `globalThis` once. Imported, for its effect, by the
 * browser workspaces before anything runs git. Electron's renderer is a browser too, but its git
 * runs in main (Node), so it never needs this.
 *
 * @module
 */
import { Buffer } from 'buffer'

const scope = globalThis as { Buffer?: unknown }
scope.Buffer ??= Buffer

/** Whether a `Buffer` global is in place (always true once this module ran). */
export const HAS_BUFFER_GLOBAL = scope.Buffer !== undefined
