import Taro from '@tarojs/taro'
import type { KeyValueStore } from './key-value-store'

/** Taro storage (WeChat storage; localStorage in the browser) as a KeyValueStore. */
export const taroStore: KeyValueStore = {
  get: (key) => Taro.getStorageSync(key) as unknown,
  set: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key)
}
