/**
 * Text on top of the byte-level Storage: progress and settings are UTF-8 JSON.
 *
 * @module
 */
import type { Storage } from './storage.ts'

/**
 * The text of `path`, or undefined when missing. Invalid UTF-8 becomes U+FFFD, which JSON
 * parsing then rejects, so a damaged file still ends up quarantined by the caller.
 *
 * @example
 * const text = await readText(storage, 'progress.json')
 */
export async function readText(storage: Storage, path: string): Promise<string | undefined> {
  const bytes = await storage.read(path)
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes)
}
