/**
 * Stands in for the `platform` package in the browser build. Taro's getDeviceInfo (used by chooseImage) reads four
 * fields of it, but platform.js parses the user agent with a few hundred regular expressions as soon as it loads:
 * tens of milliseconds of a phone's start-up for fields nothing needs until a photo is picked. These are the same
 * fields, worked out when first read.
 */
const OS_PATTERNS = [
  ['iOS', /\b(?:iPhone|iPad|iPod)\b.*? OS (\d+(?:_\d+)*)/],
  ['Android', /\bAndroid (\d+(?:\.\d+)*)/],
  ['HarmonyOS', /\bHarmonyOS(?:[ /](\d+(?:\.\d+)*))?/],
  ['Windows', /\bWindows NT (\d+(?:\.\d+)*)/],
  ['OS X', /\bMac OS X (\d+(?:[._]\d+)*)/],
  ['Linux', /\bLinux\b()/]
]

function userAgent() {
  return typeof navigator === 'undefined' ? '' : navigator.userAgent
}

function parseOs(ua) {
  for (const [family, pattern] of OS_PATTERNS) {
    const match = pattern.exec(ua)
    if (!match) continue
    const version = match[1] ? match[1].replace(/_/g, '.') : ''
    return { family, version, toString: () => (version ? `${family} ${version}` : family) }
  }
  return null
}

function parseProduct(ua) {
  const apple = /\b(iPhone|iPad|iPod)\b/.exec(ua)
  if (apple) return { manufacturer: 'Apple', product: apple[1] }
  // "Android 13; V2227A Build/…" or "Android 13; SM-S9080)": the model sits after the Android version.
  const android = /\bAndroid [\d.]+; (?:[a-z]{2}[-_][a-z]{2}; )?([^;)]+?)(?: Build\/[^;)]*)?[;)]/i.exec(ua)
  return { manufacturer: null, product: android && android[1].trim() !== 'K' ? android[1].trim() : null }
}

let parsed = null
function read() {
  if (!parsed) {
    const ua = userAgent()
    parsed = { os: parseOs(ua), ...parseProduct(ua) }
  }
  return parsed
}

const platform = {
  get os() {
    return read().os
  },
  get manufacturer() {
    return read().manufacturer
  },
  get product() {
    return read().product
  }
}

export default platform
