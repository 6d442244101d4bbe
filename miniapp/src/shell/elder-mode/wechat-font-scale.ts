import Taro from '@tarojs/taro'
import { fontScaleFrom, type WechatFontInfo } from '../../lib/font-scale'

/** Reads the person's WeChat font-size setting once at launch (WeChat only; the browser has its own zoom). */
export function readWechatFontScale(): number {
  if (process.env.TARO_ENV === 'h5') return 1
  try {
    const base = (typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : {}) as WechatFontInfo
    const device = (typeof Taro.getDeviceInfo === 'function' ? Taro.getDeviceInfo() : {}) as { platform?: string }
    if (base.fontSizeSetting || base.fontSizeScaleFactor) return fontScaleFrom({ ...base, platform: device.platform })
    const system = Taro.getSystemInfoSync() as WechatFontInfo
    return fontScaleFrom(system)
  } catch {
    return 1
  }
}
