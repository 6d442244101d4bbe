// Design tokens and shared component styles; the browser build adds its tab-bar adjustments.
import './tokens.css'
import './components.css'

// Taro sets TARO_ENV at build time, so the WeChat build drops this branch and the browser-only CSS with it; an
// `import` cannot be conditional and would ship that CSS in every build.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a per-platform import, the way Taro's docs do it
if (process.env.TARO_ENV === 'h5') require('./h5.css')

/** Class of a page root: tokens, plus 长辈版 when it is on. */
export function pageThemeClass(elderMode: boolean): string {
  return elderMode ? 'app-page theme-elder' : 'app-page'
}
