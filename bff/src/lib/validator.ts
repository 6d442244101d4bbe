import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

const shared = { allErrors: true, removeAdditional: true, useDefaults: true, strict: false } as const

/**
 * Query strings, params and headers arrive as text, so they are coerced ("20" → 20). JSON bodies are not:
 * `{ "code": 12 }` is a type error, not the string "12".
 */
const coercing = addFormats(new Ajv({ ...shared, coerceTypes: 'array' }))
const strict = addFormats(new Ajv({ ...shared, coerceTypes: false }))

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strict : coercing).compile(schema as object)
