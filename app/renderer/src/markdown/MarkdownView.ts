/**
 * Renders a parsed README as Vue vnodes: elements and text nodes only (never innerHTML), so
 * whatever an untrusted pack writes shows as text. Links exist only for `https:` targets and open
 * a new browsing context without an opener or a referrer.
 *
 * @module
 */
import type { PropType, VNode } from 'vue'
import { computed, defineComponent, h } from 'vue'
import type { Block, Inline, ListItem } from './markdown.ts'
import { parseMarkdown } from './markdown.ts'

function inline(nodes: readonly Inline[]): (VNode | string)[] {
  return nodes.map((n) => {
    switch (n.type) {
      case 'text':
        return n.text
      case 'code':
        return h('code', n.text)
      case 'strong':
        return h('strong', inline(n.children))
      case 'em':
        return h('em', inline(n.children))
      case 'link':
        return h('a', { href: n.href, rel: 'noopener noreferrer', target: '_blank' }, inline(n.children))
    }
  })
}

function listItem(item: ListItem): VNode {
  return h('li', [...inline(item.children), ...(item.sublist ? [block(item.sublist)] : [])])
}

function block(b: Block): VNode {
  switch (b.type) {
    case 'heading':
      return h(`h${b.level}`, inline(b.children))
    case 'paragraph':
      return h('p', inline(b.children))
    case 'list':
      return b.ordered ? h('ol', b.start === 1 ? {} : { start: b.start }, b.items.map(listItem)) : h('ul', b.items.map(listItem))
    case 'code':
      return h('pre', [h('code', b.lang === '' ? {} : { 'data-lang': b.lang }, b.text)])
    case 'quote':
      return h('blockquote', b.children.map(block))
    case 'table':
      return h('div', { class: 'table-scroll' }, [
        h('table', [
          h('thead', [h('tr', b.head.map((cell) => h('th', inline(cell))))]),
          h('tbody', b.rows.map((row) => h('tr', row.map((cell) => h('td', inline(cell)))))),
        ]),
      ])
    case 'rule':
      return h('hr')
  }
}

export default defineComponent({
  name: 'MarkdownView',
  props: { source: { type: String as PropType<string>, required: true } },
  setup(props) {
    const blocks = computed(() => parseMarkdown(props.source))
    return () => h('div', { class: 'markdown' }, blocks.value.map(block))
  },
})
