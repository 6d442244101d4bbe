import { useState } from 'react'
import { ActionButton, Notice } from '../../components'
import { copyText } from '../../lib/copy-text'

/**
 * Share a policy: WeChat's share sheet (the page supplies the title and path with useShareAppMessage); in the
 * browser, copy the page's address to paste into WeChat or a text message.
 */
export function SharePolicy() {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  if (process.env.TARO_ENV !== 'h5') {
    return (
      <ActionButton variant='secondary' openType='share'>
        分享给家人、战友
      </ActionButton>
    )
  }
  const copy = async () => {
    try {
      await copyText(window.location.href)
      setCopied('yes')
    } catch {
      setCopied('failed')
    }
  }
  return (
    <>
      <ActionButton variant='secondary' onClick={() => void copy()}>
        复制链接，发给家人
      </ActionButton>
      {copied === 'yes' && <Notice tone='success'>链接已复制。可以粘贴到微信或短信里，发给家人、战友。</Notice>}
      {copied === 'failed' && <Notice tone='error'>没能复制。请长按浏览器地址栏里的网址，选择“复制”。</Notice>}
    </>
  )
}
