/**
 * Reads a fault schedule file (YAML, or JSON — YAML's subset) and points errors at the line:
 * `faults.yaml:7: faults[2].node: expected an integer from 0 to 7, got 12.`
 *
 * @module
 */
import { readFileSync } from 'node:fs'
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml'
import { InvalidFieldError } from '../../runtime/errors/input.ts'
import type { ScheduledCommand } from '../../runtime/sim/faultSchedule.ts'
import { parseFaultSchedule } from '../../runtime/sim/faultSchedule.ts'
import { formatMessage } from '../shared/messages.ts'
import { UsageError } from './usageError.ts'

export function readFaultFile(path: string, nodeCount: number): ScheduledCommand[] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new UsageError(formatMessage('error.read', { path, details: (error as Error).message }))
  }
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  const syntax = doc.errors[0]
  if (syntax) {
    const pos = lines.linePos(syntax.pos[0])
    throw new UsageError(formatMessage('faults.syntax', { path, line: pos.line, col: pos.col, details: syntax.message.split('\n')[0]! }))
  }
  try {
    return parseFaultSchedule(doc.toJS(), nodeCount)
  } catch (error) {
    if (!(error instanceof InvalidFieldError)) throw error
    const line = lineOf(doc, lines, error.field)
    const choices = error.choices ? ` (${error.choices.join(', ')})` : ''
    throw new UsageError(
      formatMessage('faults.invalid', {
        path,
        line,
        field: error.field,
        expected: error.expected.en,
        expectedKo: error.expected.ko,
        got: error.got,
        choices,
      }),
    )
  }
}

/** Line of `faults[i].key` (or of entry i, or 1) in the parsed document. */
function lineOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, field: string): number {
  const m = /^faults\[(\d+)\](?:\.(\w+))?/.exec(field)
  const root = doc.contents
  if (!m || !isSeq(root)) return 1
  const entry = root.items[Number(m[1])] as { range?: [number, number, number] } | undefined
  if (!entry) return 1
  if (!isMap(entry)) return entry.range ? lines.linePos(entry.range[0]).line : 1
  const pair = m[2] === undefined ? undefined : entry.items.find((p) => (p.key as { value?: unknown } | null)?.value === m[2])
  const node = (pair?.key ?? entry) as { range?: [number, number, number] }
  return node.range ? lines.linePos(node.range[0]).line : 1
}
