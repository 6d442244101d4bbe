import Taro from '@tarojs/taro'

/** The small part of the phone's storage the app uses; tests pass a Map-backed fake. */
export interface KeyValueStore {
  /** The stored value, or undefined when storage cannot be read. */
  get(key: string): unknown
  /** Whether the value was kept. */
  set(key: string, value: unknown): boolean
  remove(key: string): void
}

/**
 * Taro storage (WeChat storage; localStorage in the browser). It can be full or unavailable (private browsing, a
 * full quota): then reads find nothing and writes report false, and callers carry on with what they hold in memory.
 */
export const taroStore: KeyValueStore = {
  get(key) {
    try {
      return Taro.getStorageSync<unknown>(key)
    } catch {
      return undefined
    }
  },
  set(key, value) {
    try {
      Taro.setStorageSync(key, value)
      return true
    } catch {
      return false
    }
  },
  remove(key) {
    try {
      Taro.removeStorageSync(key)
    } catch {
      // Storage unavailable: nothing kept to remove.
    }
  }
}
