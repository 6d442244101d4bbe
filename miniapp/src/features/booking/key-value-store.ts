/** The small part of Taro storage these modules use; tests pass a Map-backed fake. */
export interface KeyValueStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  remove(key: string): void
}
