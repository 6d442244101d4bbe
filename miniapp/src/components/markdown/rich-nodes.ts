/**
 * The node tree a Markdown body becomes: the shape of WeChat's `rich-text` nodes (and Taro's RichText), limited to
 * the few tags and attributes we create ourselves. Text stays text: nothing in it is ever parsed as HTML.
 */
export type RichTag =
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'p'
  | 'ul'
  | 'ol'
  | 'li'
  | 'strong'
  | 'em'
  | 'code'
  | 'pre'
  | 'blockquote'
  | 'hr'
  | 'br'
  | 'div'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tr'
  | 'th'
  | 'td'
  | 'span'
  | 'a'

export interface RichAttrs {
  class: string
  /** `ol` only: the first number when a list does not start at 1. */
  start?: string
  /** `a` only: an in-app page path (checked by `safeAppPath`), never a web address. */
  href?: string
}

export interface RichElement {
  name: RichTag
  attrs: RichAttrs
  children: RichNode[]
}

export interface RichTextNode {
  type: 'text'
  text: string
}

export type RichNode = RichElement | RichTextNode

export const isText = (node: RichNode): node is RichTextNode => 'type' in node && node.type === 'text'

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * The same tree for WeChat's rich-text: its text nodes decode HTML entities, so text is escaped once to show exactly
 * as written (a body that says `&lt;` shows `&lt;`); links become plain underlined text, because rich-text swallows
 * taps on its nodes (the page lists in-app links as buttons instead).
 */
export function toWeappNodes(nodes: RichNode[]): RichNode[] {
  return nodes.map((node): RichNode => {
    if (isText(node)) return { type: 'text', text: node.text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!) }
    if (node.name === 'a')
      return { name: 'span', attrs: { class: node.attrs.class }, children: toWeappNodes(node.children) }
    return { name: node.name, attrs: { ...node.attrs }, children: toWeappNodes(node.children) }
  })
}

/** The plain text of a tree (for accessible names and tests). */
export function textOf(nodes: RichNode[]): string {
  return nodes.map((node) => (isText(node) ? node.text : node.name === 'br' ? '\n' : textOf(node.children))).join('')
}

/** The in-app links of a tree, in order (WeChat shows them as buttons under the text, see toWeappNodes). */
export function appLinksOf(nodes: RichNode[]): { text: string; href: string }[] {
  return nodes.flatMap((node) => {
    if (isText(node)) return []
    if (node.name === 'a' && node.attrs.href) return [{ text: textOf(node.children), href: node.attrs.href }]
    return appLinksOf(node.children)
  })
}
