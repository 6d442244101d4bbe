import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { ARTIFACTS_DIR, H5_DIR } from './paths'

/** Fails fast, with the fix, when there is nothing to test. */
export default function setup() {
  if (!existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error(
      `The H5 build is missing (${H5_DIR}/index.html). Build it first: pnpm --filter @veterans/miniapp build:h5 ` +
        '(the root `pnpm test` does this for you).'
    )
  }
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(chromium)) {
    throw new Error(
      `Chromium not found at ${chromium}. Install it (Debian: apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.`
    )
  }
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
}
