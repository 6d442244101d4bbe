import fc from 'fast-check'
import type { Operation } from './operations'
import { multipartBody } from './multipart'
import { fillPath, percentEncode, queryString, RAW_SEGMENTS } from './url'
import { hostileText, mutated, toJsonText, validValue } from './values'

/** One request the fuzzer sends: what app.inject takes, and a note that says what kind of input it is. */
export interface FuzzRequest {
  method: string
  url: string
  headers: Record<string, string>
  payload?: string | Buffer
  note: string
}

/** Byte sequences that are not UTF-8: bad lead bytes, an overlong '/', a surrogate, a cut-off 中, beyond U+10FFFF. */
const INVALID_UTF8 = [
  [0xff],
  [0xfe, 0xff],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xe4, 0xb8],
  [0xf4, 0x90, 0x80, 0x80],
  [0x80]
]

function segment(validIds: string[]): fc.Arbitrary<string> {
  const junk = fc.oneof(
    fc.constantFrom(...RAW_SEGMENTS),
    hostileText.filter((s) => s.length > 0).map(percentEncode),
    fc.string({ minLength: 1, maxLength: 64 }).map(percentEncode)
  )
  return validIds.length > 0
    ? fc.oneof({ arbitrary: fc.constantFrom(...validIds), weight: 3 }, { arbitrary: junk, weight: 2 })
    : junk
}

const RAW_QUERY_TAILS = [
  '&%',
  '&%zz=1',
  '&%E4%B8=%ED%A0%80',
  '&&&=&=',
  '&limit=1&limit=x&limit=',
  '&__proto__[polluted]=yes',
  '&constructor[prototype][polluted]=yes',
  '&__proto__.polluted=yes'
]

function queryArbitrary(op: Operation): fc.Arbitrary<string> {
  const model = Object.fromEntries(op.queryParams.map((p) => [p.name, validValue(p.schema)]))
  const required = op.queryParams.filter((p) => p.required).map((p) => p.name)
  return fc
    .tuple(mutated(fc.record(model, { requiredKeys: required }), false), fc.option(fc.constantFrom(...RAW_QUERY_TAILS)))
    .map(([value, tail]) => {
      const query = queryString(value)
      return tail ? (query ? query + tail : `?${tail.slice(1)}`) : query
    })
}

interface Body {
  payload?: string | Buffer
  contentType?: string
  note: string
}

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/jsonx',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'multipart/form-data; boundary=x',
  '*/*',
  'text/plain; charset=\u00ff'
]

const BROKEN_JSON = [
  '',
  '{',
  '{"a":',
  'null',
  '[]',
  '"text"',
  '1',
  '\uFEFF{}',
  '{"a":1}{"b":2}',
  '{"a":1,}',
  "{'a':1}",
  '{"a":NaN}',
  '{"a":1e999}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}'
]

/** JSON text with invalid UTF-8 bytes spliced in, after a quote when there is one (so inside a string). */
function withInvalidUtf8(text: string, at: number, bytes: number[]): Buffer {
  const quotes = [...text.matchAll(/"/g)].map((m) => m.index + 1)
  const position = quotes.length > 0 ? quotes[at % quotes.length]! : at % (text.length + 1)
  const encoded = Buffer.from(text)
  const offset = Buffer.byteLength(text.slice(0, position))
  return Buffer.concat([encoded.subarray(0, offset), Buffer.from(bytes), encoded.subarray(offset)])
}

function jsonBodyArbitrary(op: Operation): fc.Arbitrary<Body> {
  const schema = op.body?.contentType === 'application/json' ? op.body.schema : null
  const valid = schema ? validValue(schema) : fc.jsonValue({ maxDepth: 2 })
  return fc.oneof(
    {
      arbitrary: mutated(valid, true).map((v) => ({
        payload: toJsonText(v),
        contentType: 'application/json',
        note: 'json'
      })),
      weight: 8
    },
    {
      arbitrary: fc.tuple(valid, fc.nat(), fc.constantFrom(...INVALID_UTF8)).map(([v, at, bytes]) => ({
        payload: withInvalidUtf8(toJsonText(v), at, bytes),
        contentType: 'application/json',
        note: 'invalid utf-8'
      })),
      weight: 1
    },
    {
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...WRONG_CONTENT_TYPES))
        .map(([v, contentType]) => ({ payload: toJsonText(v), contentType, note: `content-type ${contentType}` })),
      weight: 1
    },
    {
      arbitrary: fc
        .constantFrom(...BROKEN_JSON)
        .map((payload) => ({ payload, contentType: 'application/json', note: 'broken json' })),
      weight: 1
    },
    { arbitrary: valid.map((v) => ({ payload: toJsonText(v), note: 'no content-type' })), weight: 1 }
  )
}

function bodyArbitrary(op: Operation): fc.Arbitrary<Body> {
  if (op.body?.contentType === 'multipart/form-data') {
    return fc.oneof(
      {
        arbitrary: multipartBody.map((b) => ({ payload: b.payload, contentType: b.contentType, note: b.note })),
        weight: 6
      },
      { arbitrary: jsonBodyArbitrary(op), weight: 1 },
      { arbitrary: fc.constant({ note: 'no body' }), weight: 1 }
    )
  }
  if (op.body) return jsonBodyArbitrary(op)
  // Routes without a body still get one now and then: it must be ignored or refused, never break them.
  return fc.oneof(
    { arbitrary: fc.constant({ note: 'no body' }), weight: 4 },
    { arbitrary: jsonBodyArbitrary(op), weight: 1 },
    {
      arbitrary: multipartBody.map((b) => ({ payload: b.payload, contentType: b.contentType, note: b.note })),
      weight: 1
    }
  )
}

/** Printable (Latin-1) Idempotency-Key values, good and bad: Node refuses control characters in headers anyway. */
const idempotencyKey = fc.option(
  fc.oneof(
    fc.stringMatching(/^[\x21-\x7e]{1,128}$/),
    fc.constantFrom('', ' ', 'k'.repeat(129), '\u00ff\u00fe', 'a b', '%00')
  ),
  { nil: undefined }
)

/** Requests for one operation: path ids valid or junk, query and body from its schema, then broken in many ways. */
export function requestArbitrary(op: Operation, validIds: Record<string, string[]>): fc.Arbitrary<FuzzRequest> {
  const pathModel = Object.fromEntries(op.pathParams.map((p) => [p.name, segment(validIds[p.name] ?? [])]))
  return fc
    .record({ path: fc.record(pathModel), query: queryArbitrary(op), body: bodyArbitrary(op), key: idempotencyKey })
    .map(({ path, query, body, key }) => ({
      method: op.method,
      url: fillPath(op.path, path) + query,
      headers: {
        ...(body.contentType !== undefined ? { 'content-type': body.contentType } : {}),
        ...(key !== undefined ? { 'idempotency-key': key } : {})
      },
      payload: body.payload,
      note: body.note
    }))
}
