/**
 * Small text helpers of the console: terminal colours, column tables that count Hangul as two
 * cells (a terminal draws them double width), short hashes, ether amounts in wei.
 *
 * @module
 */

export const ansi = {
  red: (s: string) => `\x1b[31m${s}\x1b[0m`,
  green: (s: string) => `\x1b[32m${s}\x1b[0m`,
  yellow: (s: string) => `\x1b[33m${s}\x1b[0m`,
  cyan: (s: string) => `\x1b[36m${s}\x1b[0m`,
  dim: (s: string) => `\x1b[2m${s}\x1b[0m`,
  bold: (s: string) => `\x1b[1m${s}\x1b[0m`,
}

/** Removes colour codes (tests, widths). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '')
}

/** Terminal cells a string takes: East Asian wide characters count two. */
export function cellWidth(text: string): number {
  let width = 0
  for (const ch of stripAnsi(text)) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return width
}

/**
 * Rows as aligned columns (the first row is the header, underlined with dashes).
 *
 * @example
 * formatTable([['id', 'height'], ['0', '12']]) // ['id  height', '--  ------', '0   12']
 */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cellWidth(cell))))
  const line = (row: readonly string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - cellWidth(cell)))).join('  ')
  const out = rows.map(line)
  if (rows.length > 0) out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '))
  return out
}

/** `0x1234…cdef` */
export function shortHash(hash: string): string {
  return hash.length > 14 ? `${hash.slice(0, 6)}…${hash.slice(-4)}` : hash
}

/**
 * A decimal amount in ether (up to 18 decimals) or wei (an integer) as wei.
 * @returns undefined when the text is not such an amount.
 * @example
 * parseAmount('1.5', 'eth') // 1500000000000000000n
 */
export function parseAmount(text: string, unit: 'eth' | 'wei'): bigint | undefined {
  if (unit === 'wei') return /^\d+$/.test(text) ? BigInt(text) : undefined
  const m = /^(\d*)(?:\.(\d{0,18}))?$/.exec(text)
  if (m === null || (m[1] === '' && (m[2] ?? '') === '')) return undefined
  return BigInt(m[1] || '0') * 10n ** 18n + BigInt((m[2] ?? '').padEnd(18, '0') || '0')
}

/** Wei as ether, trailing zeros dropped: 1500000000000000000n → '1.5'. */
export function formatEther(wei: bigint): string {
  const sign = wei < 0n ? '-' : ''
  const abs = wei < 0n ? -wei : wei
  const whole = abs / 10n ** 18n
  const frac = (abs % 10n ** 18n).toString().padStart(18, '0').replace(/0+$/, '')
  return `${sign}${whole}${frac === '' ? '' : `.${frac}`}`
}
