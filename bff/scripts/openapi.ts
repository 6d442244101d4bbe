// Writes the OpenAPI document the BFF serves at GET /openapi.json to shared/openapi.json: the contract is checked
// in next to the TypeBox schemas it is generated from, where client developers look for it. Keys are sorted and
// indented, so that a change to the routes reads as a small diff. test/openapi-contract.test.ts fails when the
// file and the routes disagree.
// Run: pnpm --filter @veterans/bff openapi
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildTestApp } from '../src/testing/index'

export const OPENAPI_FILE = path.resolve(import.meta.dirname, '../../shared/openapi.json')
export const REGENERATE_COMMAND = 'pnpm --filter @veterans/bff openapi'

/**
 * The document as the file holds it. The app is built in memory without demo data and never listens: the
 * document depends on the routes only, not on configuration or data.
 */
export async function renderOpenApi(): Promise<string> {
  const app = await buildTestApp({ SEED: 'none' })
  try {
    const response = await app.inject('/openapi.json')
    if (response.statusCode !== 200)
      throw new Error(`GET /openapi.json answered ${response.statusCode}: ${response.body}`)
    return `${JSON.stringify(sortKeys(response.json()), null, 2)}\n`
  } finally {
    await app.close()
  }
}

/** Object keys in code-point order at every depth; arrays keep their order (it can mean something). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]))
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  writeFileSync(OPENAPI_FILE, await renderOpenApi())
  console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`)
}
