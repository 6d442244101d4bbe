import fc from 'fast-check'
import type { JsonSchema } from './operations'

/** JSON text put into a body as it is: what JSON.stringify cannot write (10,000 levels deep, 1e999). */
export class RawJson {
  constructor(readonly text: string) {}
}

export const ONE_MB = 1_000_000
export const DEEP_LEVELS = 10_000
/** Under the 1 MiB body limit once quoted, so it reaches validation; its Chinese twin (3 MB of UTF-8) does not. */
export const HUGE_STRING = 'a'.repeat(ONE_MB)
export const HUGE_CHINESE = '中'.repeat(ONE_MB)
export const DEEP_OBJECT = new RawJson('{"a":'.repeat(DEEP_LEVELS) + '1' + '}'.repeat(DEEP_LEVELS))
export const DEEP_ARRAY = new RawJson('['.repeat(DEEP_LEVELS) + ']'.repeat(DEEP_LEVELS))

/** Keys that pollute Object.prototype wherever a parser or a merge copies them naively. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const
export const POLLUTION_JSON = [
  new RawJson('{"__proto__":{"polluted":"yes"}}'),
  new RawJson('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  new RawJson('{"prototype":{"polluted":"yes"}}')
]

/** Text that has broken parsers, validators, loggers and databases before. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\uD800',
  '\uDFFF',
  'a\uD83D',
  '\uDC00\uD800',
  '\u202Eevil\u202C',
  '\u200F\u200E',
  '\u200B\u200C\u200D',
  '👨‍👩‍👧‍👦',
  '\uFEFF',
  '\u0000',
  'a\u0000b',
  '\r\n\r\n',
  'e\u0301'.repeat(64),
  '𠜎𠜱𠝹',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '%s%n%x',
  '../../../../etc/passwd',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  '-0',
  '1e999',
  '9007199254740993',
  '2026-02-30',
  '0000-00-00',
  '2026-13-45T25:61:61Z',
  '+275760-09-13T00:00:00.001Z',
  '419902195803120313',
  '13800138000'
]

/** Hostile text of ordinary size (URLs get no megabyte values: the fixed cases send those, once per operation). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 }
)

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileText, weight: 10 },
  { arbitrary: fc.constantFrom(HUGE_STRING, HUGE_CHINESE), weight: 1 }
)

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, true, false, null, [], {}, [null], ''),
  fc.constantFrom(new RawJson('1e999'), new RawJson('-0'), new RawJson('0.0000000000000000000000001')),
  fc.integer(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 })
)

/** Anything but what a schema asked for; `huge`: megabyte strings and 10,000-level nesting among them. */
export function hostileValue(huge: boolean): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: wrongType, weight: 4 },
    { arbitrary: huge ? hostileString : hostileText, weight: 5 },
    { arbitrary: fc.constantFrom(...(huge ? [DEEP_OBJECT, DEEP_ARRAY] : POLLUTION_JSON)), weight: 1 },
    { arbitrary: fc.constantFrom(...POLLUTION_JSON), weight: 1 }
  )
}

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...POLLUTION_KEYS),
  fc.constantFrom('', 'extra', '\u0000', '\uD800', 'a.b', '$where', 'id'),
  fc.string({ maxLength: 12 })
)

const text = (min: number, max: number) =>
  fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.string({
      unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
      minLength: min,
      maxLength: max
    })
  )

const day = fc.date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })

/** Values a schema accepts, or nearly: the start point the mutations work from. */
export function validValue(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue({ ...schema, type }, depth)))
  const type = types[0] ?? (schema.properties ? 'object' : undefined)
  switch (type) {
    case 'string':
      return validString(schema)
    case 'integer':
    case 'number':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array': {
      const item = validValue(schema.items ?? {}, depth + 1)
      const minLength = schema.minItems ?? 0
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4))
      return schema.uniqueItems
        ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
        : fc.array(item, { minLength, maxLength })
    }
    case 'object': {
      if (!schema.properties)
        return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 })
      const model = Object.fromEntries(
        Object.entries(schema.properties).map(([key, inner]) => [key, validValue(inner, depth + 1)])
      )
      return fc.record(model, { requiredKeys: schema.required ?? [] })
    }
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date') return day.map((d) => d.toISOString().slice(0, 10))
  if (schema.format === 'date-time') return day.map((d) => d.toISOString())
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern))
  const min = schema.minLength ?? 0
  return text(min, Math.max(min, Math.min(schema.maxLength ?? 24, 24)))
}

type Path = (string | number)[]

/** Every place in a value a mutation can reach: the value itself and each nested property or item. */
function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at)
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...at, i], out))
  else if (isPlainObject(value)) for (const key of Object.keys(value)) pathsOf(value[key], [...at, key], out)
  return out
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RawJson)

/** Sets an own property, even one named `__proto__` (assignment would change the prototype instead). */
function define(target: Record<string, unknown> | unknown[], key: string | number, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/** A copy of `value` with `change` applied to the node at `path` (copied along the path only). */
function updateAt(value: unknown, path: Path, change: (node: unknown) => unknown): unknown {
  if (path.length === 0) return change(value)
  const [head, ...rest] = path
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as object) }
  define(copy, head!, updateAt((value as Record<string | number, unknown>)[head!], rest, change))
  return copy
}

interface Mutation {
  kind: 'replace' | 'remove' | 'add'
  at: number
  key: string
  value: unknown
}

const mutation = (huge: boolean): fc.Arbitrary<Mutation> =>
  fc.record({
    kind: fc.constantFrom('replace', 'remove', 'add'),
    at: fc.nat(),
    key: hostileKey,
    value: hostileValue(huge)
  })

function applyMutation(value: unknown, m: Mutation): unknown {
  const paths = pathsOf(value)
  const path = paths[m.at % paths.length]!
  if (m.kind === 'replace') return updateAt(value, path, () => m.value)
  if (m.kind === 'remove' && path.length > 0) {
    return updateAt(value, path.slice(0, -1), (parent) => {
      if (Array.isArray(parent)) return parent.filter((_, i) => i !== path.at(-1))
      const copy = { ...(parent as object) } as Record<string, unknown>
      delete copy[path.at(-1) as string]
      return copy
    })
  }
  return updateAt(value, path, (node) => {
    if (!isPlainObject(node)) return m.value
    const copy = { ...node }
    define(copy, m.key, m.value)
    return copy
  })
}

/**
 * A valid value, or one with up to three things wrong with it (about a quarter stay valid, to reach handlers).
 * `huge` (bodies): the wrong things include megabyte strings and 10,000-level nesting.
 */
export function mutated(valid: fc.Arbitrary<unknown>, huge: boolean): fc.Arbitrary<unknown> {
  const mutations = fc.array(mutation(huge), { minLength: 1, maxLength: 3 })
  return fc
    .tuple(valid, fc.oneof({ arbitrary: fc.constant([]), weight: 1 }, { arbitrary: mutations, weight: 3 }))
    .map(([value, chosen]) => chosen.reduce(applyMutation, value))
}

/** JSON text of a value, with RawJson pieces written verbatim and own `__proto__` keys kept. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${toJsonText(value[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/** A short description of a value for failure reports: the first bytes and the size. */
export function preview(value: string | Buffer | undefined, max = 160): string {
  if (value === undefined) return '(no body)'
  const textValue = typeof value === 'string' ? value : value.toString('latin1')
  const size = typeof value === 'string' ? Buffer.byteLength(value) : value.length
  return `${JSON.stringify(textValue.slice(0, max))}${textValue.length > max ? '…' : ''} (${size} bytes)`
}
