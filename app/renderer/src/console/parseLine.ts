/**
 * Splits a console line into a command name, positional arguments and `--flags`, as a shell
 * would for these simple cases: whitespace separates words, single or double quotes keep spaces
 * (`deploy "My Token.sol"`), a backslash escapes the next character, `--name value` and
 * `--name=value` are flags (a flag followed by another flag or nothing is `true`).
 *
 * @module
 */

export interface ParsedLine {
  /** The first word, lower-cased ('' for an empty line). */
  name: string
  args: string[]
  flags: Record<string, string | true>
}

/** A line that cannot be split (an unclosed quote), with the column where the quote opened. */
export class LineSyntaxError extends Error {
  readonly column: number
  constructor(column: number) {
    super(`unclosed quote at column ${column}`)
    this.name = 'LineSyntaxError'
    this.column = column
  }
}

/**
 * Words of a line.
 *
 * @example
 * splitWords(`deploy "My Token.sol" 100`) // ['deploy', 'My Token.sol', '100']
 */
export function splitWords(line: string): string[] {
  const words: string[] = []
  let word = ''
  let inWord = false
  let quote: '"' | "'" | undefined
  let quoteAt = 0
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (quote !== undefined) {
      if (c === quote) quote = undefined
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i]
      else word += c
      continue
    }
    if (c === '"' || c === "'") {
      quote = c
      quoteAt = i + 1
      inWord = true
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i]
      inWord = true
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word)
      word = ''
      inWord = false
    } else {
      word += c
      inWord = true
    }
  }
  if (quote !== undefined) throw new LineSyntaxError(quoteAt)
  if (inWord) words.push(word)
  return words
}

/**
 * @example
 * parseLine('sim pos --seed 7 --blocks=10')
 * // { name: 'sim', args: ['pos'], flags: { seed: '7', blocks: '10' } }
 */
export function parseLine(line: string): ParsedLine {
  const words = splitWords(line)
  const [first = '', ...rest] = words
  const args: string[] = []
  const flags: Record<string, string | true> = {}
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/i.exec(w)
    if (m === null) {
      args.push(w)
      continue
    }
    const name = m[1]!.toLowerCase()
    if (m[2] !== undefined) flags[name] = m[2]
    else if (i + 1 < rest.length && !rest[i + 1]!.startsWith('--')) flags[name] = rest[++i]!
    else flags[name] = true
  }
  return { name: first.toLowerCase(), args, flags }
}
