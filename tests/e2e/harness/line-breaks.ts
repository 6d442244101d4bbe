import type { Page } from 'playwright-core'

/**
 * Short texts on the page (labels, hints, terms: up to 24 characters) that the browser broke so that one Chinese
 * character stands alone at the start of a line before the text or a bracket ends it ("长辈⏎版", "退役士⏎兵）").
 * Each is returned with a few characters around the break, the break marked ⏎.
 */
export async function lonelyCharacterBreaks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const han = /[\u3400-\u9fff]/
    const found: string[] = []
    const main = document.querySelector('.taro_page:not([style*="display: none"]) main') ?? document.body
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      const parent = node.parentElement
      if (text.trim().length < 2 || text.length > 24 || !parent || parent.getClientRects().length === 0) continue
      const tops = Array.from(text, (_, i) => {
        const range = document.createRange()
        range.setStart(node, i)
        range.setEnd(node, i + 1)
        const rect = range.getClientRects()[0]
        return rect ? rect.top : null
      })
      for (let i = 1; i < text.length; i++) {
        const [before, at] = [tops[i - 1], tops[i]]
        if (before == null || at == null || at - before < 4) continue
        if (!han.test(text[i - 1]!) || !han.test(text[i]!)) continue
        if (i + 1 < text.length && han.test(text[i + 1]!)) continue
        found.push(`${text.slice(Math.max(0, i - 6), i)}⏎${text.slice(i, i + 3)}`)
      }
    }
    return found
  })
}
