import type { Operation } from './operations'
import type { FuzzRequest } from './requests'
import { fillPath, RAW_SEGMENTS } from './url'
import { DEEP_ARRAY, DEEP_LEVELS, DEEP_OBJECT, HUGE_CHINESE, HUGE_STRING, POLLUTION_JSON } from './values'

/**
 * What every operation gets whatever the random draw: pollution keys, 1 MB strings, 10,000-level nesting,
 * invalid UTF-8, broken encodings in the query and the path, wrong content types, damaged multipart bodies.
 */
export function fixedRequests(op: Operation, validIds: Record<string, string[]>): FuzzRequest[] {
  const ids = Object.fromEntries(op.pathParams.map((p) => [p.name, validIds[p.name]?.[0] ?? 'x']))
  const url = (query = '', values = ids) => fillPath(op.path, values) + query
  const base = { method: op.method, headers: {} as Record<string, string> }
  const requests: FuzzRequest[] = [
    {
      ...base,
      url: url('?__proto__[polluted]=yes&constructor[prototype][polluted]=yes&__proto__.polluted=yes'),
      note: 'query pollution'
    },
    { ...base, url: url(`?a${'[a]'.repeat(DEEP_LEVELS)}=1`), note: 'query 10,000 levels' },
    { ...base, url: url('?%E4%B8=%ED%A0%80&%zz=%&limit=%FF'), note: 'query bad encoding' }
  ]
  if (op.queryParams.length > 0) {
    requests.push({ ...base, url: url(`?${op.queryParams[0]!.name}=${HUGE_STRING}`), note: 'query 1 MB value' })
  }
  for (const param of op.pathParams) {
    for (const junk of [...RAW_SEGMENTS, 'a'.repeat(1000)]) {
      requests.push({
        ...base,
        url: url('', { ...ids, [param.name]: junk }),
        note: `path ${param.name}=${junk.slice(0, 30)}`
      })
    }
  }
  const json = (payload: string | Buffer, note: string, contentType = 'application/json') => ({
    ...base,
    url: url(),
    headers: { 'content-type': contentType },
    payload,
    note
  })
  const field = Object.keys(op.body?.schema.properties ?? {})[0] ?? 'a'
  if (op.method !== 'GET') {
    // With an Idempotency-Key: idempotent routes hash what they are asked, body and all.
    const keyed = (request: FuzzRequest) => ({
      ...request,
      headers: { ...request.headers, 'idempotency-key': 'fuzz-key' }
    })
    requests.push(
      ...POLLUTION_JSON.map((raw) => json(raw.text, `pollution ${raw.text}`)),
      keyed(json(DEEP_OBJECT.text, 'object 10,000 levels')),
      keyed(json(DEEP_ARRAY.text, 'array 10,000 levels'))
    )
  }
  if (op.body?.contentType === 'application/json') {
    requests.push(
      json(`{${JSON.stringify(field)}:${DEEP_OBJECT.text}}`, `${field}: 10,000 levels`),
      json(JSON.stringify({ [field]: HUGE_STRING }), `${field}: 1 MB string`),
      json(JSON.stringify({ [field]: HUGE_CHINESE }), `${field}: 3 MB of UTF-8`),
      json(
        Buffer.concat([
          Buffer.from(`{${JSON.stringify(field)}:"`),
          Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80, 0xe4, 0xb8]),
          Buffer.from('"}')
        ]),
        `${field}: invalid utf-8`
      ),
      json(`{${JSON.stringify(field)}:`, 'truncated json'),
      json(JSON.stringify({ [field]: 'x' }), 'text/plain body', 'text/plain'),
      json(JSON.stringify({ [field]: 'x' }), 'form body', 'application/x-www-form-urlencoded')
    )
  }
  if (op.body?.contentType === 'multipart/form-data') {
    const boundary = 'fuzzboundary'
    const multipart = (payload: string | Buffer, note: string) =>
      json(payload, note, `multipart/form-data; boundary=${boundary}`)
    requests.push(
      multipart('', 'multipart empty'),
      multipart(`--${boundary}\r\nContent-Disposition: form-da`, 'multipart cut in a header'),
      multipart(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG`,
        'multipart cut in the file'
      ),
      multipart(
        `--${boundary}\r\nX: ${'h'.repeat(100_000)}\r\n\r\nx\r\n--${boundary}--`,
        'multipart 100 KB header line'
      ),
      multipart(
        `--${boundary}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n{"__proto__":{"polluted":"yes"}}\r\n--${boundary}--`,
        'multipart mapping pollution'
      ),
      multipart(
        `--${boundary}\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\n{"polluted":"yes"}\r\n--${boundary}--`,
        'multipart __proto__ field'
      )
    )
  }
  return requests
}
