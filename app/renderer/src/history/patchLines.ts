/**
 * Splits a unified-diff patch (app/shared/workspace/lineDiff.ts's `unifiedDiff`) into typed lines
 * for display: hunk headers, added, removed and unchanged lines, each with the line numbers of both
 * sides, so the panel can colour them and screen readers can say "added"/"removed".
 *
 * @module
 */

export interface PatchLine {
  kind: 'hunk' | 'add' | 'remove' | 'same'
  text: string
  /** Line number in the old version (remove/same). */
  oldLine?: number | undefined
  /** Line number in the new version (add/same). */
  newLine?: number | undefined
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/

/**
 * @example
 * patchLines('@@ -1,2 +1,2 @@\n-a\n+b\n c\n')
 * // [{kind:'hunk',…}, {kind:'remove',text:'a',oldLine:1}, {kind:'add',text:'b',newLine:1}, {kind:'same',text:'c',oldLine:2,newLine:2}]
 */
export function patchLines(patch: string): PatchLine[] {
  const out: PatchLine[] = []
  let oldLine = 0
  let newLine = 0
  for (const raw of patch.split('\n')) {
    // No '---'/'+++' file headers come from unifiedDiff: a removed line '--count;' reads '---count;'.
    if (raw === '') continue
    const hunk = HUNK.exec(raw)
    if (hunk) {
      oldLine = Number(hunk[1])
      newLine = Number(hunk[2])
      out.push({ kind: 'hunk', text: raw })
      continue
    }
    const sign = raw[0]
    const text = raw.slice(1)
    if (sign === '+') out.push({ kind: 'add', text, newLine: newLine++ })
    else if (sign === '-') out.push({ kind: 'remove', text, oldLine: oldLine++ })
    else if (sign === '\\') continue // "\ No newline at end of file"
    else out.push({ kind: 'same', text, oldLine: oldLine++, newLine: newLine++ })
  }
  return out
}
