import { readFileSync } from 'node:fs'
import path from 'node:path'

/** The subset of JSON Schema the checked-in OpenAPI document uses for parameters and request bodies. */
export interface JsonSchema {
  type?: string | string[]
  enum?: unknown[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  minimum?: number
  maximum?: number
  minProperties?: number
}

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  schema: JsonSchema
}

/** One route of the contract, as the fuzzer needs it. */
export interface Operation {
  method: string
  /** OpenAPI path, e.g. `/api/v1/bookings/{id}`. */
  path: string
  pathParams: Parameter[]
  queryParams: Parameter[]
  body: { contentType: 'application/json' | 'multipart/form-data'; schema: JsonSchema } | null
  /** No bearer token needed (sign-in, reference data, health). */
  public: boolean
  /** `GET /api/v1/bookings/{id}`: how failures and totals name it. */
  name: string
}

export const OPENAPI_FILE = path.resolve(import.meta.dirname, '../../../shared/openapi.json')

interface OpenApiOperation {
  parameters?: (Omit<Parameter, 'required'> & { required?: boolean })[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
  security?: unknown[]
}

/** Every operation of shared/openapi.json, in the document's order. */
export function loadOperations(file = OPENAPI_FILE): Operation[] {
  const document = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, OpenApiOperation>>
  }
  const operations: Operation[] = []
  for (const [routePath, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = (operation.parameters ?? []).map((p) => ({ ...p, required: p.required ?? false }))
      const content = operation.requestBody?.content ?? {}
      const type = Object.keys(content)[0]
      if (type !== undefined && type !== 'application/json' && type !== 'multipart/form-data') {
        throw new Error(`${method} ${routePath}: the fuzzer does not know request bodies of type ${type}`)
      }
      operations.push({
        method: method.toUpperCase(),
        path: routePath,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        body: type ? { contentType: type, schema: content[type]!.schema } : null,
        public: (operation.security ?? []).length === 0,
        name: `${method.toUpperCase()} ${routePath}`
      })
    }
  }
  return operations
}
