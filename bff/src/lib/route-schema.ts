import type { TSchema } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
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

/** preValidation for a POST whose body is all optional: it may come without one (a bare tap on 取消 or 签到). */
export async function bodyMayBeEmpty(request: FastifyRequest) {
  request.body ??= {}
}
