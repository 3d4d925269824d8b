/**
 * A small line diff (longest common subsequence) and its unified-diff text, enough to show a
 * learner what changed between two attempts. Lesson files are short; past `MAX_CELLS` the LCS
 * table would be too large, so the diff falls back to "all old lines removed, all new added" —
 * still correct, just not minimal.
 *
 * @module
 */

export type DiffLine = { kind: 'same' | 'add' | 'remove'; text: string }

const MAX_CELLS = 4_000_000

/**
 * Splits text into lines; a final newline does not make an extra empty line.
 *
 * @example
 * splitLines('a\nb\n') // ['a', 'b']
 */
export function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split(/\r?\n/)
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/**
 * The edit script turning `a` into `b`.
 *
 * @example
 * diffLines(['x', 'y'], ['x', 'z']) // [{kind:'same',text:'x'}, {kind:'remove',text:'y'}, {kind:'add',text:'z'}]
 */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  // Common head and tail first: typical edits touch a few lines, so the table stays tiny.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const midA = a.slice(head, a.length - tail)
  const midB = b.slice(head, b.length - tail)
  const out: DiffLine[] = a.slice(0, head).map((text) => ({ kind: 'same', text }))
  out.push(...lcsScript(midA, midB))
  out.push(...a.slice(a.length - tail).map((text): DiffLine => ({ kind: 'same', text })))
  return out
}

function lcsScript(a: readonly string[], b: readonly string[]): DiffLine[] {
  const n = a.length
  const m = b.length
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    return [...a.map((text): DiffLine => ({ kind: 'remove', text })), ...b.map((text): DiffLine => ({ kind: 'add', text }))]
  }
  // table[i][j] = LCS length of a[i..] and b[j..], flattened.
  const width = m + 1
  const table = new Uint32Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!)
    }
  }
  const out: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i++]! })
      j++
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) out.push({ kind: 'remove', text: a[i++]! })
    else out.push({ kind: 'add', text: b[j++]! })
  }
  while (i < n) out.push({ kind: 'remove', text: a[i++]! })
  while (j < m) out.push({ kind: 'add', text: b[j++]! })
  return out
}

/**
 * Unified-diff hunks (`@@ -l,s +l,s @@` and ' ', '-', '+' lines) with `context` lines around
 * each change; '' when the texts are equal.
 *
 * @example
 * unifiedDiff('a\nb\n', 'a\nc\n') // '@@ -1,2 +1,2 @@\n a\n-b\n+c\n'
 */
export function unifiedDiff(oldText: string, newText: string, context = 3): string {
  const script = diffLines(splitLines(oldText), splitLines(newText))
  const changed = script.map((l) => l.kind !== 'same')
  if (!changed.includes(true)) return ''
  // Old/new line numbers before each script entry.
  const oldNo: number[] = []
  const newNo: number[] = []
  let o = 1
  let nw = 1
  for (const l of script) {
    oldNo.push(o)
    newNo.push(nw)
    if (l.kind !== 'add') o++
    if (l.kind !== 'remove') nw++
  }
  let text = ''
  let k = 0
  while (k < script.length) {
    if (!changed[k]) {
      k++
      continue
    }
    const start = Math.max(0, k - context)
    let end = k
    // Extend the hunk while the next change is within 2×context unchanged lines.
    for (;;) {
      while (end < script.length && changed[end]) end++
      let gap = 0
      while (end + gap < script.length && !changed[end + gap]) gap++
      if (end + gap < script.length && gap <= 2 * context) end += gap
      else {
        end = Math.min(script.length, end + context)
        break
      }
    }
    const lines = script.slice(start, end)
    const oldCount = lines.filter((l) => l.kind !== 'add').length
    const newCount = lines.filter((l) => l.kind !== 'remove').length
    const oldStart = oldCount === 0 ? oldNo[start]! - 1 : oldNo[start]!
    const newStart = newCount === 0 ? newNo[start]! - 1 : newNo[start]!
    text += `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`
    for (const l of lines) text += `${l.kind === 'same' ? ' ' : l.kind === 'add' ? '+' : '-'}${l.text}\n`
    k = end
  }
  return text
}
