import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { OPENAPI_FILE, REGENERATE_COMMAND, renderOpenApi } from '../scripts/openapi'

// The checked-in contract (shared/openapi.json) is what client developers read: it must say what the routes do.
describe('checked-in OpenAPI document', () => {
  it('matches the document the routes generate', async () => {
    const file = path.relative(path.resolve(import.meta.dirname, '../..'), OPENAPI_FILE)
    const stale = `${file} disagrees with the routes: regenerate it with \`${REGENERATE_COMMAND}\` and review the diff`
    expect(existsSync(OPENAPI_FILE), `${file} is missing: generate it with \`${REGENERATE_COMMAND}\``).toBe(true)
    expect(readFileSync(OPENAPI_FILE, 'utf8'), stale).toBe(await renderOpenApi())
  })
})
