import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { App } from './world'

/**
 * Every route the app serves, as 'METHOD /path' ('GET /api/v1/bookings/:id'), read from Fastify's own router
 * (printRoutes), which sees what the OpenAPI document does not (the WebSocket route, the docs UI). HEAD routes
 * are left out: Fastify adds one beside each GET, with the GET's configuration.
 */
export function appRoutes(app: App): string[] {
  const routes: string[] = []
  const segments: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    // "│   ├── /:id (GET, HEAD, PATCH)": the depth is the indentation (4 characters a level).
    const match = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line)
    if (!match) continue
    const depth = match[1]!.length / 4
    segments.length = depth
    segments.push(match[2]!)
    for (const method of match[3]?.split(', ') ?? []) {
      if (method !== 'HEAD') routes.push(`${method} ${segments.join('')}`)
    }
  }
  return [...new Set(routes)].sort()
}

/** The routes of the checked-in OpenAPI document (shared/openapi.json), in the same form. */
export function openApiRoutes(): string[] {
  const file = path.resolve(import.meta.dirname, '../../../shared/openapi.json')
  const document = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, unknown>> }
  return Object.entries(document.paths).flatMap(([route, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${route.replace(/\{(\w+)\}/g, ':$1')}`)
  )
}
