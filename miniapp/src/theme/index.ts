// Design tokens and shared component styles; the browser build adds its tab-bar adjustments.
import './tokens.css'
import './components.css'

if (process.env.TARO_ENV === 'h5') require('./h5.css')

/** Class of a page root: tokens, plus 长辈版 when it is on. */
export function pageThemeClass(elderMode: boolean): string {
  return elderMode ? 'app-page theme-elder' : 'app-page'
}
