/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (never in pipes, CI
 * logs or --json output consumers).
 *
 * @module
 */

export interface ProgressBar {
  update(fraction: number, label: string): void
  done(): void
}

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update() {}, done() {} }
  let drawn = false
  return {
    update(fraction, label) {
      const width = 30
      const f = Math.max(0, Math.min(1, fraction))
      const filled = Math.round(f * width)
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)}% ${label}\x1b[K`)
      drawn = true
    },
    done() {
      if (drawn) stream.write('\r\x1b[K')
    },
  }
}
