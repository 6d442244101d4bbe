import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '@veterans/bff/testing'

// The H5 pages may run only the app's own script files: no inline script, no eval, nothing from elsewhere.
// (The e2e suite loads every page in Chromium through the BFF and fails on any console error, which is where a
// CSP violation would show.)

const H5_DIR = path.resolve(import.meta.dirname, '../../../miniapp/dist/h5')
const INDEX = path.join(H5_DIR, 'index.html')

/** The directives of a Content-Security-Policy header: name → sources. */
function directives(header: string | undefined): Map<string, string[]> {
  const parsed = new Map<string, string[]>()
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) parsed.set(name.toLowerCase(), sources)
  }
  return parsed
}

describe('Content-Security-Policy of the H5 pages', () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>

  beforeAll(async () => {
    if (!existsSync(INDEX)) {
      throw new Error(`The H5 build is missing (${INDEX}). Build it first: cd miniapp && pnpm build:h5`)
    }
    app = await buildTestApp({ H5_DIR, SEED: 'none' })
  })
  let pages = 0
  afterAll(async () => {
    console.log(`[csp] pages=${pages} script-src='self' unsafe-inline=0 unsafe-eval=0 inline-scripts=0`)
    await app?.close()
  })

  it.for(['/', '/pages/me/index', '/pages/booking/index?tab=mine'])(
    '%s allows only the app’s own scripts',
    async (url) => {
      const response = await app.inject(url)
      expect(response.statusCode).toBe(200)
      pages += 1
      expect(response.headers['content-type']).toMatch(/^text\/html/)
      const csp = directives(response.headers['content-security-policy'])
      expect(csp.get('default-src')).toEqual(["'self'"])
      expect(csp.get('script-src')).toEqual(["'self'"])
      expect(csp.get('object-src')).toEqual(["'none'"])
      expect(csp.get('base-uri')).toEqual(["'self'"])
      expect(csp.get('frame-ancestors')).toEqual(["'none'"])
      // No directive may re-open script execution another way.
      for (const [name, sources] of csp) {
        expect(sources, name).not.toContain("'unsafe-eval'")
        if (name.startsWith('script-src')) expect(sources, name).not.toContain("'unsafe-inline'")
      }
    }
  )

  it('serves an index.html whose scripts are all files of the app, none inline', () => {
    const html = readFileSync(INDEX, 'utf8')
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [tag, attributes, body] of scripts) {
      const src = /\bsrc=["']?([^"'\s>]+)/i.exec(attributes ?? '')?.[1]
      expect(src, tag).toMatch(/^\/(?!\/)/)
      expect(body!.trim(), tag).toBe('')
    }
    // Inline event handlers and javascript: URLs are inline script too.
    expect(html).not.toMatch(/\son[a-z]+\s*=/i)
    expect(html).not.toMatch(/javascript:/i)
  })
})
