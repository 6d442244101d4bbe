import { RichText, View } from '@tarojs/components'
import { createElement, useMemo, type ReactNode } from 'react'
import { Card } from '../card'
import { NavRow } from '../nav-row'
import { useOpenPage } from '../open-page'
import { markdownToNodes, safeAppPath, type MarkdownOptions } from './markdown-to-nodes'
import { appLinksOf, isText, toWeappNodes, type RichNode } from './rich-nodes'
import './markdown.css'

/** Renders one node as a React element (browser). Names come from our own allow-list; text stays text. */
function renderNode(node: RichNode, key: number, openPage: (url: string) => void): ReactNode {
  if (isText(node)) return node.text
  const children = node.children.map((child, index) => renderNode(child, index, openPage))
  const className = node.attrs.class
  if (node.name === 'a') {
    const href = node.attrs.href ? safeAppPath(node.attrs.href) : null
    if (!href) return createElement('span', { key, className }, children)
    return (
      <a
        key={key}
        className={className}
        href={href}
        onClick={(event) => {
          event.preventDefault()
          openPage(href)
        }}
      >
        {children}
      </a>
    )
  }
  if (node.name === 'br' || node.name === 'hr') return createElement(node.name, { key, className })
  if (node.name === 'div') {
    // A table wrapper scrolls sideways on a narrow phone: it must be reachable by keyboard and say what it is.
    return (
      <div key={key} className={className} tabIndex={0} role='region' aria-label='表格，可左右滑动查看'>
        {children}
      </div>
    )
  }
  return createElement(node.name, { key, className, start: node.attrs.start }, children)
}

/**
 * A policy body written in Markdown, shown safely: converted to our own node tree (markdown-to-nodes.ts), then
 * rendered as React elements in the browser and through WeChat's rich-text (`nodes`, never an HTML string) in the
 * mini-program. In-app links, which rich-text cannot tap, follow the text as buttons on WeChat.
 */
export function MarkdownView({
  markdown,
  topHeading
}: {
  markdown: string
  topHeading?: MarkdownOptions['topHeading']
}) {
  const openPage = useOpenPage()
  const nodes = useMemo(() => markdownToNodes(markdown, { topHeading }), [markdown, topHeading])
  const weapp = useMemo(() => (process.env.TARO_ENV === 'h5' ? [] : toWeappNodes(nodes)), [nodes])
  if (process.env.TARO_ENV === 'h5')
    return <div className='md'>{nodes.map((node, index) => renderNode(node, index, openPage))}</div>
  const links = appLinksOf(nodes)
  return (
    <View className='md'>
      <RichText nodes={weapp} userSelect />
      {links.length > 0 && (
        <Card title='文中提到的页面' flush>
          {links.map((link, index) => (
            <NavRow key={`${index}-${link.href}`} title={link.text} url={link.href} />
          ))}
        </Card>
      )}
    </View>
  )
}
