/**
 * WeChat lets people enlarge text (我 → 设置 → 通用 → 字体大小 / 关怀模式). Mini-program pages do not follow it on their
 * own: WeChat reports the setting (`fontSizeSetting`, in px; standard is 17 on iOS and 16 on Android; newer clients
 * also give `fontSizeScaleFactor`) and leaves the rest to us. We turn it into a factor for --font-scale, never
 * below 1 (our sizes are already the comfortable minimum) and capped so layouts hold.
 */
export interface WechatFontInfo {
  fontSizeSetting?: number
  fontSizeScaleFactor?: number
  platform?: string
}

export const MAX_FONT_SCALE = 1.6

export function fontScaleFrom(info: WechatFontInfo): number {
  let factor = 1
  if (typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor > 0) {
    factor = info.fontSizeScaleFactor
  } else if (typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > 0) {
    const standard = info.platform === 'ios' ? 17 : 16
    factor = info.fontSizeSetting / standard
  }
  const clamped = Math.min(MAX_FONT_SCALE, Math.max(1, factor))
  return Math.round(clamped * 100) / 100
}

/** A WeChat setting this large suggests 长辈版 would help; the home page offers it (it never switches by itself). */
export function suggestsElderMode(scale: number): boolean {
  return scale >= 1.2
}
