/**
 * A small semver-range check for a lesson's `solc` field: does the bundled compiler version
 * satisfy the range the author wrote? Supported (a documented subset of npm's ranges):
 *
 * - exact: `0.8.28`, `=0.8.28`
 * - comparators: `>=0.8.0`, `>0.8.0`, `<=0.8.28`, `<0.9.0`; several separated by spaces must all
 *   hold (`>=0.8.20 <0.9.0`)
 * - caret: `^0.8.20` (→ `>=0.8.20 <0.9.0`), `^1.2.3` (→ `<2.0.0`), `^0.0.3` (→ `<0.0.4`)
 * - tilde: `~0.8.20` (→ `>=0.8.20 <0.9.0`)
 * - wildcards and partial versions: `0.8.x`, `0.8.*`, `0.8`, `*`
 * - alternatives: `^0.7.0 || ^0.8.0`
 *
 * Versions may carry build metadata (`0.8.28+commit.7893614a.Emscripten.clang`, as solc reports
 * itself); it is ignored. Pre-release versions and hyphen ranges (`1.0.0 - 2.0.0`) are not
 * supported: such a range is reported as invalid.
 *
 * @module
 */

type Triple = readonly [number, number, number]
type Op = '>=' | '>' | '<=' | '<' | '='
interface Comparator {
  op: Op
  version: Triple
}

const NUM = /^(0|[1-9]\d*)$/
const WILD = /^[xX*]$/

/** Parses `x.y.z` (build metadata ignored). Undefined if it is not a plain release version. */
export function parseVersion(text: string): Triple | undefined {
  const core = text.trim().split('+')[0] ?? ''
  const parts = core.split('.')
  if (parts.length !== 3 || !parts.every((p) => NUM.test(p))) return undefined
  return [Number(parts[0]), Number(parts[1]), Number(parts[2])]
}

/** A partial version: `1`, `1.2`, `1.2.3`, with `x`/`*` allowed from some part on. */
function parsePartial(text: string): (number | undefined)[] | undefined {
  const parts = text.split('.')
  if (parts.length < 1 || parts.length > 3) return undefined
  const out: (number | undefined)[] = []
  let wild = false
  for (const part of parts) {
    if (WILD.test(part)) wild = true
    else if (NUM.test(part) && !wild) out.push(Number(part))
    else return undefined
    if (wild) out.push(undefined)
  }
  while (out.length < 3) out.push(undefined)
  return out
}

function compare(a: Triple, b: Triple): number {
  for (let i = 0; i < 3; i++) {
    const d = a[i]! - b[i]!
    if (d !== 0) return d
  }
  return 0
}

function expandComparator(token: string): Comparator[] | undefined {
  const match = /^(\^|~|>=|<=|>|<|=)?(.*)$/.exec(token)
  if (!match) return undefined
  const op = match[1] ?? ''
  const body = match[2] ?? ''
  if (body === '') return undefined
  const partial = parsePartial(body)
  if (!partial) return undefined
  const [ma, mi, pa] = partial
  if (ma === undefined) return op === '' || op === '=' || op === '>=' || op === '<=' ? [] : undefined
  const low: Triple = [ma, mi ?? 0, pa ?? 0]
  if (op === '^') {
    const high: Triple =
      ma > 0 ? [ma + 1, 0, 0] : mi === undefined ? [1, 0, 0] : mi > 0 ? [0, mi + 1, 0] : pa === undefined ? [0, 1, 0] : [0, 0, pa + 1]
    return [
      { op: '>=', version: low },
      { op: '<', version: high },
    ]
  }
  if (op === '~') {
    const high: Triple = mi === undefined ? [ma + 1, 0, 0] : [ma, mi + 1, 0]
    return [
      { op: '>=', version: low },
      { op: '<', version: high },
    ]
  }
  if (op === '' || op === '=') {
    if (pa !== undefined) return [{ op: '=', version: low }]
    const high: Triple = mi === undefined ? [ma + 1, 0, 0] : [ma, mi + 1, 0]
    return [
      { op: '>=', version: low },
      { op: '<', version: high },
    ]
  }
  // Comparison operators take a full version (missing parts count as 0).
  if (pa === undefined) return undefined
  return [{ op: op as Op, version: low }]
}

/**
 * Parses a range into alternatives of comparator sets. Undefined when the range is outside the
 * supported subset (see the module comment).
 */
export function parseSemverRange(range: string): Comparator[][] | undefined {
  const trimmed = range.trim()
  if (trimmed === '') return undefined
  const sets: Comparator[][] = []
  for (const alternative of trimmed.split('||')) {
    // `>= 0.8.0` is written with a space by some authors: join an operator to its version.
    const tokens = alternative.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/).filter((t) => t !== '')
    if (tokens.length === 0) return undefined
    const set: Comparator[] = []
    for (const token of tokens) {
      const comparators = expandComparator(token)
      if (!comparators) return undefined
      set.push(...comparators)
    }
    sets.push(set)
  }
  return sets
}

/** True if `range` is in the supported subset. */
export function isValidSemverRange(range: string): boolean {
  return parseSemverRange(range) !== undefined
}

/**
 * Does `version` (e.g. `0.8.28` or `0.8.28+commit.7893614a`) satisfy `range`?
 * @throws {RangeError} when the version or the range cannot be parsed.
 * @example
 * satisfiesSemverRange('0.8.28', '>=0.8.20 <0.9.0') // true
 * satisfiesSemverRange('0.8.28', '^0.7.0') // false
 */
export function satisfiesSemverRange(version: string, range: string): boolean {
  const v = parseVersion(version)
  if (!v) throw new RangeError(`Not a version: ${JSON.stringify(version)}`)
  const sets = parseSemverRange(range)
  if (!sets) throw new RangeError(`Unsupported semver range: ${JSON.stringify(range)}`)
  return sets.some((set) =>
    set.every(({ op, version: c }) => {
      const d = compare(v, c)
      switch (op) {
        case '>=':
          return d >= 0
        case '>':
          return d > 0
        case '<=':
          return d <= 0
        case '<':
          return d < 0
        case '=':
          return d === 0
      }
    }),
  )
}
