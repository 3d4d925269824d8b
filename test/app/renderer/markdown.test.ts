/**
 * The lesson README renderer's parser: the Markdown the official pack uses, and untrusted input
 * that must stay text (raw HTML, script-y links).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Block, Inline } from '../../../app/renderer/src/markdown/markdown.ts'
import { inlineText, parseInline, parseMarkdown, safeHref } from '../../../app/renderer/src/markdown/markdown.ts'

function allInlines(blocks: readonly Block[]): Inline[] {
  const out: Inline[] = []
  const walk = (nodes: readonly Inline[]) => {
    for (const n of nodes) {
      out.push(n)
      if (n.type === 'strong' || n.type === 'em' || n.type === 'link') walk(n.children)
    }
  }
  for (const b of blocks) {
    if (b.type === 'heading' || b.type === 'paragraph') walk(b.children)
    if (b.type === 'list') {
      for (const item of b.items) {
        walk(item.children)
        if (item.sublist) out.push(...allInlines([item.sublist]))
      }
    }
    if (b.type === 'table') for (const row of [b.head, ...b.rows]) for (const cell of row) walk(cell)
    if (b.type === 'quote') out.push(...allInlines(b.children))
  }
  return out
}

describe('parseMarkdown', () => {
  it('parses headings, paragraphs and inline marks', () => {
    const blocks = parseMarkdown('# Title\n\n## The idea\n\nA **short** fingerprint, *always* with `code`.\nSecond line.')
    expect(blocks[0]).toEqual({ type: 'heading', level: 1, children: [{ type: 'text', text: 'Title' }] })
    expect(blocks[1]).toMatchObject({ type: 'heading', level: 2 })
    expect(blocks[2]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'A ' },
        { type: 'strong', children: [{ type: 'text', text: 'short' }] },
        { type: 'text', text: ' fingerprint, ' },
        { type: 'em', children: [{ type: 'text', text: 'always' }] },
        { type: 'text', text: ' with ' },
        { type: 'code', text: 'code' },
        { type: 'text', text: '. Second line.' },
      ],
    })
  })

  it('parses ordered lists with nested bullet lists', () => {
    const md = '1. **First**: one.\n2. Second:\n   - nested a\n   - nested b\n3. Third.\n\nAfter.'
    const [list, after] = parseMarkdown(md)
    expect(list).toMatchObject({ type: 'list', ordered: true, start: 1 })
    if (list?.type !== 'list') throw new Error('not a list')
    expect(list.items.map((i) => inlineText(i.children))).toEqual(['First: one.', 'Second:', 'Third.'])
    expect(list.items[1]!.sublist).toMatchObject({ type: 'list', ordered: false })
    if (list.items[1]!.sublist?.type !== 'list') throw new Error('no sublist')
    expect(list.items[1]!.sublist.items.map((i) => inlineText(i.children))).toEqual(['nested a', 'nested b'])
    expect(after).toMatchObject({ type: 'paragraph' })
  })

  it('parses pipe tables with code cells and escaped pipes', () => {
    const [table] = parseMarkdown('| Field | Meaning |\n|---|---|\n| `a \\| b` | first |\n| `nonce` | a number |')
    if (table?.type !== 'table') throw new Error('not a table')
    expect(table.head.map(inlineText)).toEqual(['Field', 'Meaning'])
    expect(table.rows.map((r) => r.map(inlineText))).toEqual([
      ['a | b', 'first'],
      ['nonce', 'a number'],
    ])
  })

  it('parses fenced code, quotes and rules', () => {
    const blocks = parseMarkdown('```ts\nconst a = 1 < 2\n```\n\n> quoted **text**\n\n---\n')
    expect(blocks).toEqual([
      { type: 'code', lang: 'ts', text: 'const a = 1 < 2' },
      { type: 'quote', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'quoted ' }, { type: 'strong', children: [{ type: 'text', text: 'text' }] }] }] },
      { type: 'rule' },
    ])
  })

  it('keeps raw HTML as text', () => {
    const blocks = parseMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>')
    expect(blocks.map((b) => (b.type === 'paragraph' ? inlineText(b.children) : b.type))).toEqual(['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'])
  })

  it('makes links only for https targets', () => {
    expect(parseInline('[docs](https://ethereum.org/en/)')).toEqual([{ type: 'link', href: 'https://ethereum.org/en/', children: [{ type: 'text', text: 'docs' }] }])
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'http://example.com', 'data:text/html,x', '//evil.example', '/local', 'vbscript:x']) {
      const nodes = parseInline(`[click](${href})`)
      expect(nodes.some((n) => n.type === 'link'), href).toBe(false)
      expect(inlineText(nodes)).toBe('click')
    }
    expect(safeHref('https://a.example/"onmouseover=x')).toBeUndefined()
    expect(safeHref('https://')).toBeUndefined()
  })

  it('parses every README of the official pack without losing text', () => {
    const tracks = new URL('../../../courses/tracks/', import.meta.url)
    const files = ['beginner', 'developer'].flatMap((track) =>
      readdirSync(new URL(`${track}/`, tracks), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .flatMap((d) => ['ko', 'en'].map((l) => `courses/tracks/${track}/${d.name}/README.${l}.md`)),
    )
    expect(files.length).toBeGreaterThanOrEqual(36)
    for (const file of files) {
      const source = readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8')
      const blocks = parseMarkdown(source)
      expect(blocks[0], file).toMatchObject({ type: 'heading', level: 1 })
      const words = allInlines(blocks)
        .filter((n) => n.type === 'text' || n.type === 'code')
        .map((n) => (n.type === 'text' || n.type === 'code' ? n.text : ''))
        .join(' ')
      // Every backticked span of the source survives as code or text.
      for (const m of source.matchAll(/`([^`\n]+)`/g)) expect(words, `${file}: ${m[1]}`).toContain(m[1]!.replace(/\\\|/g, '|'))
    }
  })
})
