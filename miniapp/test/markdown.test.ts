import { describe, expect, it } from 'vitest'
import { markdownToNodes, safeAppPath } from '../src/components/markdown/markdown-to-nodes'
import { isText, textOf, toWeappNodes, type RichElement, type RichNode } from '../src/components/markdown/rich-nodes'

/** The tree in a compact form that shows its structure: ['h2', 'text'] or ['p', 'a', ['strong', 'b']]. */
type Shape = string | [string, ...Shape[]]
function shape(nodes: RichNode[]): Shape[] {
  return nodes.map((node) => (isText(node) ? node.text : [node.name, ...shape(node.children)]))
}

/** Every element name and attribute in a tree, to prove nothing else can appear. */
function elements(nodes: RichNode[]): RichElement[] {
  return nodes.flatMap((node) => (isText(node) ? [] : [node, ...elements(node.children)]))
}

const ALLOWED_TAGS = new Set([
  'h2',
  'h3',
  'h4',
  'h5',
  'p',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'code',
  'pre',
  'blockquote',
  'hr',
  'br',
  'div',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
  'a'
])

describe('Markdown structure', () => {
  it('reads headings, paragraphs and lists as the corpus writes them', () => {
    const md =
      '## 发放对象\n\n户籍在本省的退役军人，可以申领优待证。\n\n## 申领材料\n\n- 本人有效居民身份证；\n- 退役证件；\n- 户口簿。'
    expect(shape(markdownToNodes(md))).toEqual([
      ['h2', '发放对象'],
      ['p', '户籍在本省的退役军人，可以申领优待证。'],
      ['h2', '申领材料'],
      ['ul', ['li', '本人有效居民身份证；'], ['li', '退役证件；'], ['li', '户口簿。']]
    ])
  })

  it('maps heading depth below the page title, one level per #', () => {
    const md = '# 一\n## 二\n### 三\n#### 四\n##### 五\n###### 六\n####### 七'
    expect(shape(markdownToNodes(md)).map((n) => n[0])).toEqual(['h2', 'h2', 'h3', 'h4', 'h5', 'h5', 'p'])
    expect(shape(markdownToNodes('## 标题 ##', { topHeading: 3 }))).toEqual([['h3', '标题']])
  })

  it('reads bold, emphasis and inline code, nested either way', () => {
    expect(shape(markdownToNodes('**移交接收**：军队和 *地方* 政府'))).toEqual([
      ['p', ['strong', '移交接收'], '：军队和 ', ['em', '地方'], ' 政府']
    ])
    expect(shape(markdownToNodes('**重要 *提示* 内容**'))).toEqual([
      ['p', ['strong', '重要 ', ['em', '提示'], ' 内容']]
    ])
    expect(shape(markdownToNodes('*一 **二** 三*'))).toEqual([['p', ['em', '一 ', ['strong', '二'], ' 三']]])
    expect(shape(markdownToNodes('用 `**` 表示加粗'))).toEqual([['p', '用 ', ['code', '**'], ' 表示加粗']])
  })

  it('leaves marks that do not pair, snake_case and escaped marks as text', () => {
    expect(shape(markdownToNodes('5 * 3 = 15，a ** b'))).toEqual([['p', '5 * 3 = 15，a ** b']])
    expect(shape(markdownToNodes('file_name_here 和 \\*星号\\*'))).toEqual([['p', 'file_name_here 和 *星号*']])
    expect(shape(markdownToNodes('**没有结束'))).toEqual([['p', '**没有结束']])
  })

  it('reads ordered and nested lists, with the start number kept', () => {
    const md = '3. 第三\n4. 第四\n   - 细则一\n   - 细则二\n5. 第五'
    const [list] = markdownToNodes(md) as RichElement[]
    expect(list!.name).toBe('ol')
    expect(list!.attrs.start).toBe('3')
    expect(shape(list!.children)).toEqual([
      ['li', '第三'],
      ['li', ['p', '第四'], ['ul', ['li', '细则一'], ['li', '细则二']]],
      ['li', '第五']
    ])
  })

  it('keeps one list across blank lines and joins Chinese lines without a space', () => {
    expect(shape(markdownToNodes('- 一\n\n- 二'))).toEqual([['ul', ['li', '一'], ['li', '二']]])
    expect(shape(markdownToNodes('第一行\n第二行\nEnglish\nwords'))).toEqual([['p', '第一行第二行 English words']])
    expect(shape(markdownToNodes('第一行  \n第二行'))).toEqual([['p', '第一行', ['br'], '第二行']])
  })

  it('reads quotes, rules, fenced code and tables', () => {
    expect(shape(markdownToNodes('> 引用的话\n\n---\n\n```\n<b>代码</b>\n```'))).toEqual([
      ['blockquote', ['p', '引用的话']],
      ['hr'],
      ['pre', ['code', '<b>代码</b>']]
    ])
    const table = '| 等级 | 标准（元/年） |\n|---|---:|\n| 一级 | 100 |\n| 二级 | 90 | 多余 |'
    expect(shape(markdownToNodes(table))).toEqual([
      [
        'div',
        [
          'table',
          ['thead', ['tr', ['th', '等级'], ['th', '标准（元/年）']]],
          ['tbody', ['tr', ['td', '一级'], ['td', '100']], ['tr', ['td', '二级'], ['td', '90']]]
        ]
      ]
    ])
  })

  it('does not read "2023. 年" in the middle of a paragraph as a list', () => {
    expect(shape(markdownToNodes('本办法自\n2023. 年起施行'))).toEqual([['p', '本办法自 2023. 年起施行']])
  })
})

describe('Markdown safety: everything that is not our Markdown is text', () => {
  it('shows script tags and event handlers as text', () => {
    const md = '<script>alert("x")</script>\n\n<img src=x onerror=alert(1)>\n\n## <b onclick="x()">标题</b>'
    const nodes = markdownToNodes(md)
    expect(shape(nodes)).toEqual([
      ['p', '<script>alert("x")</script>'],
      ['p', '<img src=x onerror=alert(1)>'],
      ['h2', '<b onclick="x()">标题</b>']
    ])
  })

  it('never creates a tag or attribute outside the allow-list, whatever the input', () => {
    const hostile = [
      '<iframe src="javascript:alert(1)"></iframe>',
      '[点我](javascript:alert(1))',
      '[点我](JAVASCRIPT:alert(1)) [x](data:text/html;base64,PHNjcmlwdD4=) [y](vbscript:msgbox)',
      '![图](https://evil.example/x.png" onerror="alert(1))',
      '<a href="javascript:alert(1)">x</a> &lt;script&gt; &#60;script&#62;',
      '| <script> | x |\n|---|---|\n| <img onerror=1> | y |',
      '> '.repeat(50) + '深',
      '- '.repeat(50) + '深',
      '*'.repeat(3000) + '['.repeat(3000) + '`'.repeat(100)
    ].join('\n\n')
    const all = elements(markdownToNodes(hostile))
    for (const node of all) {
      expect(ALLOWED_TAGS.has(node.name)).toBe(true)
      expect(Object.keys(node.attrs).every((key) => ['class', 'start', 'href'].includes(key))).toBe(true)
      expect(node.attrs.class).toMatch(/^md-[a-z0-9-]+$/)
    }
    expect(all.filter((node) => node.name === 'a')).toEqual([])
    expect(all.filter((node) => node.attrs.href !== undefined)).toEqual([])
  })

  it('keeps only the text of javascript:, data: and relative links; shows web addresses', () => {
    expect(shape(markdownToNodes('[点我](javascript:alert(1))'))).toEqual([['p', '点我']])
    expect(shape(markdownToNodes('[看这里](data:text/html,<script>)'))).toEqual([['p', '看这里']])
    expect(shape(markdownToNodes('[办事指南](../../etc/passwd)'))).toEqual([['p', '办事指南']])
    expect(shape(markdownToNodes('[政府网站](https://www.gov.cn/zhengce)'))).toEqual([
      ['p', '政府网站（https://www.gov.cn/zhengce）']
    ])
    expect(shape(markdownToNodes('![优待证样式](https://x.example/a.png)'))).toEqual([['p', '优待证样式']])
  })

  it('links in-app pages only, with a path checked character by character', () => {
    const [p] = markdownToNodes('见[新政策](/policy/pages/detail/index?id=01ABC)') as RichElement[]
    expect(p!.children[1]).toEqual({
      name: 'a',
      attrs: { class: 'md-a', href: '/policy/pages/detail/index?id=01ABC' },
      children: [{ type: 'text', text: '新政策' }]
    })
    expect(safeAppPath('/pages/booking/index?serviceId=01X')).toBe('/pages/booking/index?serviceId=01X')
    for (const bad of [
      '//evil.example/pages/x',
      '/pages/../x',
      '/pages/x?a="b"',
      'pages/x',
      '/staff/pages/home/index',
      '/pages/x#y',
      '/pages/x y'
    ]) {
      expect(safeAppPath(bad)).toBeNull()
    }
  })

  it('keeps entities as written (text, not markup), and escapes them for WeChat, which decodes them', () => {
    const nodes = markdownToNodes('&lt;script&gt; & <b> "引号"')
    expect(textOf(nodes)).toBe('&lt;script&gt; & <b> "引号"')
    expect(textOf(toWeappNodes(nodes))).toBe('&amp;lt;script&amp;gt; &amp; &lt;b&gt; &quot;引号&quot;')
  })

  it('turns links into plain text for WeChat (rich-text swallows taps)', () => {
    const weapp = toWeappNodes(markdownToNodes('[新政策](/policy/pages/detail/index?id=1)'))
    expect(elements(weapp).map((n) => [n.name, n.attrs.href])).toEqual([
      ['p', undefined],
      ['span', undefined]
    ])
  })

  it('stays fast on a long hostile body', () => {
    const body = ('*a [b `c _d ' + '<em>'.repeat(5)).repeat(8000) // ~ 100 000 characters
    const started = Date.now()
    markdownToNodes(body)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
