import { describe, expect, it } from 'vitest'
import { policyLinkLabel, splitMessageBody } from '../src/features/messaging/message-links'
import { policyLinkText } from '../src/features/staff-messaging/queue-rules'

const ID = '01HZX3K8Q4M2N7P9R5T6V8W0YA'
const PATH = `/policy/pages/detail/index?id=${ID}`

/** The body as one string of text, with links marked, so a test reads like what is shown. */
const shown = (body: string) =>
  splitMessageBody(body)
    .map((part) => (part.kind === 'text' ? part.text : `[${part.url}]`))
    .join('')

const linkCount = (body: string) => splitMessageBody(body).filter((part) => part.kind === 'policy').length

describe('splitMessageBody', () => {
  it('makes the policy line that staff insert a link, with the title for its name', () => {
    const line = policyLinkText({ title: '退役军人优待证办理办法', docNumber: 'M退役发〔2024〕3号' }, PATH)
    const parts = splitMessageBody(`王师傅您好。\n${line}\n有问题再联系我们。`)
    expect(parts).toEqual([
      {
        kind: 'text',
        text: '王师傅您好。\n《退役军人优待证办理办法》（M退役发〔2024〕3号），可在小程序“政策”中查看：'
      },
      { kind: 'policy', text: PATH, url: PATH, title: '退役军人优待证办理办法' },
      { kind: 'text', text: '\n有问题再联系我们。' }
    ])
    expect(policyLinkLabel(parts[1] as { text: string; title?: string })).toBe(
      `查看政策《退役军人优待证办理办法》：${PATH}`
    )
  })

  it('leaves a body without a policy path as one text part (an empty body too)', () => {
    expect(splitMessageBody('您好，请带身份证原件到窗口办理。')).toEqual([
      { kind: 'text', text: '您好，请带身份证原件到窗口办理。' }
    ])
    expect(splitMessageBody('')).toEqual([{ kind: 'text', text: '' }])
  })

  it('finds a path at the start, at the end, after a space, and several in one body', () => {
    expect(splitMessageBody(PATH)).toEqual([{ kind: 'policy', text: PATH, url: PATH }])
    const other = '/policy/pages/detail/index?id=B2'
    expect(shown(`见 ${PATH} 和《另一项》：${other}。`)).toBe(`见 [${PATH}] 和《另一项》：[${other}]。`)
    const parts = splitMessageBody(`《甲》：${PATH}\n《乙》：${other}`)
    expect(parts.filter((p) => p.kind === 'policy').map((p) => (p.kind === 'policy' ? p.title : ''))).toEqual([
      '甲',
      '乙'
    ])
  })

  it('allows closing punctuation after the path', () => {
    expect(shown(`请看：${PATH}.`)).toBe(`请看：[${PATH}].`)
    expect(shown(`（${PATH}）`)).toBe(`（[${PATH}]）`)
    expect(shown(`请看 ${PATH}, 谢谢`)).toBe(`请看 [${PATH}], 谢谢`)
  })

  it('takes the title only from the same line, just before the path', () => {
    const part = splitMessageBody(`《旧标题》\n详见：${PATH}`)[1]
    expect(part).toEqual({ kind: 'policy', text: PATH, url: PATH })
  })

  it('keeps other pages, other addresses and script URLs as plain text', () => {
    for (const body of [
      'javascript:alert(1)',
      `javascript:${PATH}`,
      `javascript:/${PATH}`,
      `https://evil.example${PATH}`,
      `http://127.0.0.1:3000${PATH}`,
      `//evil.example${PATH}`,
      `data:text/html,${PATH}`,
      '/pages/me/index',
      '/booking/pages/detail/index?id=AB12',
      '/policy/pages/detail/index?id=',
      '/policy/pages/detail/index',
      '/policy/pages/detail/index?q=AB12',
      `/policy/pages/detail/index?id=${'A'.repeat(65)}`,
      `${PATH}&next=javascript:alert(1)`,
      `${PATH}#top`,
      `${PATH}/../../pages/me/index`,
      `${PATH}%22onclick%3Dalert(1)`,
      '/policy/pages/detail/index?id=<script>alert(1)</script>',
      '/policy/pages/detail/index?id="onmouseover="alert(1)',
      `x${PATH}`,
      `.${PATH}`
    ]) {
      expect({ body, links: linkCount(body) }).toEqual({ body, links: 0 })
      expect(shown(body)).toBe(body)
    }
  })

  it('keeps HTML as text, even around a real path, and builds the link from the id alone', () => {
    const html = `<a href="javascript:alert(1)">点我</a><img src=x onerror=alert(1)>`
    expect(splitMessageBody(html)).toEqual([{ kind: 'text', text: html }])
    // A path inside an attribute: the quote before it is not where a path stands on its own.
    expect(linkCount(`<a href="${PATH}">政策</a>`)).toBe(0)
    // Text around a real path stays text, markup and all; the link's target is only the policy page.
    const parts = splitMessageBody(`<b>看</b> ${PATH} <script>x()</script>`)
    expect(parts).toEqual([
      { kind: 'text', text: '<b>看</b> ' },
      { kind: 'policy', text: PATH, url: PATH },
      { kind: 'text', text: ' <script>x()</script>' }
    ])
  })

  it('gives the same text back, piece by piece, for any body', () => {
    for (const body of [`a ${PATH} b ${PATH}`, `${PATH}${PATH}`, `《a》${PATH} 《b》`, '\n\n', `${PATH}\n`]) {
      expect(
        splitMessageBody(body)
          .map((part) => part.text)
          .join('')
      ).toBe(body)
    }
  })

  it('names a link without a title plainly', () => {
    expect(policyLinkLabel({ text: PATH })).toBe(`查看政策：${PATH}`)
  })
})
