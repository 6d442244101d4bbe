import { transformSync } from '@babel/core'
import { afterEach, describe, expect, it, vi } from 'vitest'

// The browser build's start-up diet (config/): each platform's build keeps only its own branch of our code, and a
// light stand-in replaces the user-agent parser Taro's getDeviceInfo reads.

const COMPONENT = `
import { Picker, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
const isH5 = process.env.TARO_ENV === 'h5'
export function DateField() {
  if (process.env.TARO_ENV === 'h5') return <input type='date' />
  const ratio = Taro.getSystemInfoSync().pixelRatio
  return <Picker mode='date'>{format(ratio)}</Picker>
  function format(n) { return String(n) }
}
export const Note = () => (isH5 ? <span /> : <View />)
export const canShare = process.env.TARO_ENV === 'h5' && typeof navigator !== 'undefined'
export function pick(wanted) {
  if (wanted) return 1
  return 2
}
`

function build(platform: string, filename = '/app/src/components/date-field.jsx') {
  vi.stubEnv('TARO_ENV', platform)
  const result = transformSync(COMPONENT, {
    filename,
    babelrc: false,
    configFile: false,
    presets: [['@babel/preset-react', { runtime: 'automatic' }]],
    plugins: [require.resolve('../config/babel-platform-branches.js')]
  })
  return result!.code!
}

describe('platform branches in the build', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('leaves the browser build without the WeChat components and APIs of the other branch', () => {
    const code = build('h5')
    expect(code).toContain('_jsx("input"')
    expect(code).toContain('_jsx("span"')
    expect(code).not.toMatch(/_jsx\((Picker|View)\b/)
    expect(code).not.toContain('getSystemInfoSync()')
    expect(code).toContain("typeof navigator !== 'undefined'")
  })

  it('leaves the mini-program without the browser branch, and keeps hoisted helpers and ordinary ifs', () => {
    const code = build('weapp')
    expect(code).toMatch(/_jsx\(Picker\b/)
    expect(code).toMatch(/_jsx\(View\b/)
    expect(code).not.toContain('"input"')
    expect(code).toContain('getSystemInfoSync()')
    expect(code).toContain('function format(n)')
    expect(code).toMatch(/if \(wanted\) return 1;\s+return 2;/)
    expect(code).toMatch(/canShare = "weapp" === 'h5'/)
  })

  it('does not rewrite packages from node_modules', () => {
    const code = build('h5', '/app/node_modules/some-lib/index.jsx')
    expect(code).toContain('process.env.TARO_ENV')
    expect(code).toMatch(/_jsx\(Picker\b/)
  })
})

describe('the user-agent stand-in for platform.js', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.resetModules()
  })

  async function platformFor(userAgent: string) {
    vi.stubGlobal('navigator', { userAgent })
    vi.resetModules()
    return (await import('../config/h5/platform-lite.js')).default
  }

  it('gives the system and device of an iPhone and of an Android phone as Taro reads them', async () => {
    const iphone = await platformFor(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148'
    )
    expect(String(iphone.os)).toBe('iOS 16.6')
    expect(iphone.os?.toString().toLowerCase()).toContain('ios')
    expect([iphone.manufacturer, iphone.product]).toEqual(['Apple', 'iPhone'])

    const android = await platformFor(
      'Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 Chrome/107.0 Mobile Safari/537.36'
    )
    expect(String(android.os)).toBe('Android 13')
    expect(android.os?.family).toBe('Android')
    expect(android.product).toBe('V2227A')
  })

  it('does not make up a model from a reduced user agent, and knows nothing of an unknown system', async () => {
    const reduced = await platformFor(
      'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36'
    )
    expect(reduced.product).toBeNull()
    expect((await platformFor('SomeBot/1.0')).os).toBeNull()
  })
})
