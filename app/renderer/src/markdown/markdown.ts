/**
 * A tiny Markdown parser for lesson READMEs. Course packs are untrusted, so nothing here produces
 * HTML: the parser returns a plain tree that `markdownVnodes.ts` turns into elements and text
 * nodes (Vue escapes every text). Raw HTML in the source stays visible text.
 *
 * Supported: ATX headings (`#`…`######`), paragraphs, unordered (`-`, `*`, `+`) and ordered
 * (`1.`) lists with indented sub-lists, fenced code blocks, block quotes, pipe tables, thematic
 * breaks; inline code, `**strong**`, `*em*` / `_em_`, and links whose target is `https:` (any
 * other link keeps its text and drops the target).
 *
 * Pure (no DOM, no Vue): tested in Node.
 *
 * @module
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }

export interface ListItem {
  children: Inline[]
  /** A nested list under this item, if any. */
  sublist?: Block
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: ListItem[] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'table'; head: Inline[][]; rows: Inline[][][] }
  | { type: 'rule' }

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/
const FENCE = /^\s{0,3}(```+|~~~+)\s*([\w+-]*)\s*$/
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/

/** Parses Markdown text into blocks. Never throws; unknown syntax is kept as text. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  return parseBlocks(lines)
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (line.trim() === '') {
      i++
      continue
    }
    const fence = FENCE.exec(line)
    if (fence) {
      const marker = fence[1]!
      const body: string[] = []
      i++
      while (i < lines.length && !lines[i]!.trim().startsWith(marker)) body.push(lines[i++]!)
      i++ // the closing fence (or the end)
      blocks.push({ type: 'code', lang: fence[2] ?? '', text: body.join('\n') })
      continue
    }
    const heading = HEADING.exec(line)
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6, children: parseInline(heading[2]!) })
      i++
      continue
    }
    if (RULE.test(line)) {
      blocks.push({ type: 'rule' })
      i++
      continue
    }
    if (/^\s{0,3}>/.test(line)) {
      const inner: string[] = []
      while (i < lines.length && /^\s{0,3}>/.test(lines[i]!)) inner.push(lines[i++]!.replace(/^\s{0,3}>\s?/, ''))
      blocks.push({ type: 'quote', children: parseBlocks(inner) })
      continue
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1]!) && lines[i + 1]!.includes('-')) {
      const head = splitRow(line).map(parseInline)
      i += 2
      const rows: Inline[][][] = []
      while (i < lines.length && lines[i]!.trim() !== '' && lines[i]!.includes('|')) rows.push(splitRow(lines[i++]!).map(parseInline))
      blocks.push({ type: 'table', head, rows })
      continue
    }
    if (LIST_ITEM.test(line)) {
      const end = listEnd(lines, i)
      blocks.push(parseList(lines.slice(i, end)))
      i = end
      continue
    }
    const para: string[] = []
    while (i < lines.length && lines[i]!.trim() !== '' && !startsBlock(lines, i)) para.push(lines[i++]!.trim())
    blocks.push({ type: 'paragraph', children: parseInline(para.join(' ')) })
  }
  return blocks
}

function startsBlock(lines: string[], i: number): boolean {
  const line = lines[i]!
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || /^\s{0,3}>/.test(line) || LIST_ITEM.test(line)
}

/** The index after the list starting at `start`: it runs until a blank line followed by non-indented, non-item text. */
function listEnd(lines: string[], start: number): number {
  let i = start
  while (i < lines.length) {
    const line = lines[i]!
    if (line.trim() === '') {
      const next = lines[i + 1]
      if (next === undefined || !(LIST_ITEM.test(next) || /^\s+\S/.test(next))) return i
      i++
      continue
    }
    if (i > start && !LIST_ITEM.test(line) && !/^\s+\S/.test(line) && startsBlock(lines, i)) return i
    i++
  }
  return i
}

function parseList(lines: string[]): Block {
  const first = LIST_ITEM.exec(lines[0]!)!
  const indent = first[1]!.length
  const ordered = /\d/.test(first[2]!)
  const items: ListItem[] = []
  let text: string[] = []
  let nested: string[] = []
  const flush = () => {
    if (text.length === 0 && nested.length === 0) return
    const item: ListItem = { children: parseInline(text.join(' ')) }
    const sub = nested.filter((l) => l.trim() !== '')
    if (sub.length > 0) {
      const blocks = parseBlocks(sub.map((l) => l.slice(Math.min(indentOf(l), indentOf(sub[0]!)))))
      const list = blocks.find((b) => b.type === 'list')
      if (list) item.sublist = list
      for (const b of blocks) if (b.type === 'paragraph') item.children.push({ type: 'text', text: ' ' }, ...b.children)
    }
    items.push(item)
    text = []
    nested = []
  }
  for (const line of lines) {
    const m = LIST_ITEM.exec(line)
    if (m && m[1]!.length <= indent) {
      flush()
      text.push(m[3]!.trim())
    } else if (m || nested.length > 0) {
      nested.push(line)
    } else if (line.trim() !== '') {
      text.push(line.trim())
    }
  }
  flush()
  return { type: 'list', ordered, start: ordered ? Number.parseInt(first[2]!, 10) : 1, items }
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length
}

function splitRow(line: string): string[] {
  let row = line.trim()
  if (row.startsWith('|')) row = row.slice(1)
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1)
  const cells: string[] = []
  let cell = ''
  let inCode = false
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!
    if (c === '\\' && row[i + 1] === '|') {
      cell += '|'
      i++
    } else if (c === '`') {
      inCode = !inCode
      cell += c
    } else if (c === '|' && !inCode) {
      cells.push(cell.trim())
      cell = ''
    } else cell += c
  }
  cells.push(cell.trim())
  return cells
}

/** A link target that may become a real link: absolute `https:` only. */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim()
  return /^https:\/\/[^\s/?#]+/i.test(trimmed) && !/[\s<>"']/.test(trimmed) ? trimmed : undefined
}

/** Parses inline Markdown: code spans, strong, emphasis, links. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = []
  let plain = ''
  const pushText = () => {
    if (plain !== '') out.push({ type: 'text', text: plain })
    plain = ''
  }
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (c === '\\' && i + 1 < text.length && /[\\`*_[\]()#+\-.!|>]/.test(text[i + 1]!)) {
      plain += text[i + 1]
      i += 2
      continue
    }
    if (c === '`') {
      let ticks = 1
      while (text[i + ticks] === '`') ticks++
      const marker = '`'.repeat(ticks)
      const close = text.indexOf(marker, i + ticks)
      if (close > 0) {
        pushText()
        out.push({ type: 'code', text: text.slice(i + ticks, close).replace(/^ (.*) $/, '$1') })
        i = close + ticks
        continue
      }
    }
    if ((c === '*' || c === '_') && text[i + 1] === c) {
      const close = text.indexOf(c + c, i + 2)
      if (close > i + 2) {
        pushText()
        out.push({ type: 'strong', children: parseInline(text.slice(i + 2, close)) })
        i = close + 2
        continue
      }
    }
    if ((c === '*' || c === '_') && text[i + 1] !== ' ' && text[i + 1] !== undefined && (c === '*' || i === 0 || !/\w/.test(text[i - 1]!))) {
      const close = findEmphasisClose(text, i + 1, c)
      if (close > i + 1) {
        pushText()
        out.push({ type: 'em', children: parseInline(text.slice(i + 1, close)) })
        i = close + 1
        continue
      }
    }
    if (c === '[') {
      const link = /^\[([^\]]*)\]\(([^()\s]*(?:\([^()\s]*\))?[^()\s]*)\)/.exec(text.slice(i))
      if (link) {
        pushText()
        const children = parseInline(link[1]!)
        const href = safeHref(link[2]!)
        if (href === undefined) out.push(...children)
        else out.push({ type: 'link', href, children })
        i += link[0].length
        continue
      }
    }
    plain += c
    i++
  }
  pushText()
  return out
}

function findEmphasisClose(text: string, from: number, marker: string): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '`') {
      const close = text.indexOf('`', j + 1)
      if (close > 0) j = close
      continue
    }
    if (text[j] === marker && text[j + 1] !== marker && text[j - 1] !== ' ' && (marker === '*' || !/\w/.test(text[j + 1] ?? ''))) return j
  }
  return -1
}

/** The plain text of inline nodes (for titles and tests). */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'text' || n.type === 'code' ? n.text : inlineText(n.children))).join('')
}
