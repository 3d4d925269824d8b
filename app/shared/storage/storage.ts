/**
 * The Storage interface: where progress and settings live. One contract, several homes — the
 * disk for the CLI and Electron (temp file + fsync + rename), IndexedDB in the browser (one
 * transaction), memory in tests — so a crash mid-write never leaves half a file, and a file that
 * cannot be used is moved aside and reported instead of being dropped.
 *
 * Paths are relative, '/'-separated and checked by {@link checkStoragePath}: no '..', no
 * absolute path, no NUL, no '\\'.
 *
 * @module
 */

export interface Storage {
  /** The bytes of `path`, or undefined when there is no such file. */
  read(path: string): Promise<Uint8Array | undefined>
  /** Replaces `path` all at once: a reader sees the old content or the new, never a mix. */
  writeAtomic(path: string, data: Uint8Array | string): Promise<void>
  /** Paths of the files under `prefix` ('' for all), sorted. */
  list(prefix: string): Promise<string[]>
  /**
   * Moves `path` to `quarantine/<name>.<timestamp>.corrupt` (with `reason` beside it in
   * `….corrupt.txt`) and returns where it went.
   */
  quarantine(path: string, reason: string): Promise<string>
}

/** The folder quarantined files go to. */
export const QUARANTINE_FOLDER = 'quarantine'

/**
 * Where a quarantined file goes: the name plus a file-name-safe timestamp, so several bad copies
 * of one file never overwrite each other (`n` breaks ties within one millisecond).
 *
 * @example
 * quarantinePath('progress.json', new Date('2026-01-02T03:04:05.678Z')) // 'quarantine/progress.json.2026-01-02T03-04-05-678Z.corrupt'
 */
export function quarantinePath(path: string, at: Date, n = 0): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const stamp = at.toISOString().replace(/[:.]/g, '-')
  return `${QUARANTINE_FOLDER}/${name}.${stamp}${n > 0 ? `-${n}` : ''}.corrupt`
}
