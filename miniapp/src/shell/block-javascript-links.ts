/**
 * Taro's H5 tab bar draws its tabs as <a href="javascript:;"> and switches tabs in a click handler. The BFF's
 * Content-Security-Policy (script-src 'self') rightly refuses to run javascript: URLs and logs an error on every
 * tap. Cancelling the link's default action keeps the tab switch and the strict policy, without the noise.
 */
export function blockJavascriptLinks(): void {
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target as Element | null
      const anchor = target?.closest?.('a[href^="javascript:"]')
      if (anchor) event.preventDefault()
    },
    true
  )
}
