/** The fields of platform.js that Taro reads (see platform-lite.js). */
declare const platform: {
  readonly os: { family: string; version: string; toString(): string } | null
  readonly manufacturer: string | null
  readonly product: string | null
}
export default platform
