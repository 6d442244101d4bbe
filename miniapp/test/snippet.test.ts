import { describe, expect, it } from 'vitest'
import { decodeEntities, parseSnippet } from '../src/features/policies/snippet'

describe('search snippets', () => {
  it('marks the hits and decodes the escaped text around them', () => {
    expect(parseSnippet('凭<em>优待</em>证免费乘坐&quot;公交&quot; &amp; 地铁')).toEqual([
      { text: '凭', hit: false },
      { text: '优待', hit: true },
      { text: '证免费乘坐"公交" & 地铁', hit: false }
    ])
  })

  it('shows a body that contained HTML as the text it was', () => {
    const parts = parseSnippet('&lt;script&gt;alert(1)&lt;/script&gt; <em>优待</em> &lt;img src=x onerror=alert(1)&gt;')
    expect(parts.map((p) => p.text).join('')).toBe('<script>alert(1)</script> 优待 <img src=x onerror=alert(1)>')
    expect(parts.filter((p) => p.hit)).toEqual([{ text: '优待', hit: true }])
  })

  it('never reads another tag as markup, even unescaped', () => {
    expect(parseSnippet('<script>x</script><b>y</b>')).toEqual([{ text: '<script>x</script><b>y</b>', hit: false }])
    expect(parseSnippet('<EM>大写</EM> <em class="x">属性</em>')).toEqual([
      { text: '<EM>大写</EM> <em class="x">属性</em>', hit: false }
    ])
  })

  it('shows unbalanced or nested markers as text', () => {
    expect(parseSnippet('a<em>b')).toEqual([{ text: 'a<em>b', hit: false }])
    expect(parseSnippet('a</em>b<em>c</em>')).toEqual([
      { text: 'a</em>b', hit: false },
      { text: 'c', hit: true }
    ])
    expect(parseSnippet('<em>a<em>b</em>c</em>')).toEqual([
      { text: '<em>a', hit: false },
      { text: 'b', hit: true },
      { text: 'c</em>', hit: false }
    ])
    expect(parseSnippet('<em></em>x')).toEqual([{ text: 'x', hit: false }])
  })

  it('decodes entities once and leaves unknown or invalid ones as written', () => {
    expect(decodeEntities('&amp;lt; &#60; &#x3C; &lt')).toBe('&lt; < < &lt')
    expect(decodeEntities('&unknown; &#0; &#xD800; &#99999999;')).toBe('&unknown; &#0; &#xD800; &#99999999;')
  })
})
