import Taro from '@tarojs/taro'

/** Puts text on the clipboard. WeChat shows its own "内容已复制" toast; the page says so too, for screen readers. */
export async function copyText(text: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5' && typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text)
      return
    } catch {
      // Permission refused (some browsers): fall back to Taro's selection-based copy.
    }
  }
  await Taro.setClipboardData({ data: text })
}
