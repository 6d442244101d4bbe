import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser } from './browser'
import { startServer, type RunningServer } from './server'

export interface AppUnderTest {
  readonly server: RunningServer
  readonly browser: Browser
  readonly url: string
}

/**
 * For a test file: the real BFF on a fresh database and one headless Chromium, started before the file's tests
 * and closed after them. Each test opens its own phones (browser contexts), i.e. its own people.
 */
export function useAppUnderTest(): AppUnderTest {
  let server: RunningServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the app under test is not started yet (use it inside a test)')
    return value
  }
  return {
    get server() {
      return started(server)
    },
    get browser() {
      return started(browser)
    },
    get url() {
      return started(server).url
    }
  }
}
