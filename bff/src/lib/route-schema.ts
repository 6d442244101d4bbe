import type { TSchema } from '@sinclair/typebox'
import { ErrorBodySchema } from '@veterans/shared'

/**
 * A route's response map: its success schemas plus the contract's error body for each error status it can
 * return, so OpenAPI lists them and serialization never leaks fields that are not in a schema.
 */
export function responses<T extends Record<number, TSchema>, E extends number = never>(ok: T, ...errorStatuses: E[]) {
  const map: Record<number, TSchema> = { ...ok }
  for (const status of errorStatuses) map[status] = ErrorBodySchema
  return map as T & { [K in E]: typeof ErrorBodySchema }
}

export const bearer = [{ bearer: [] }]
