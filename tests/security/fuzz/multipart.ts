import fc from 'fast-check'
import { hostileText, POLLUTION_KEYS } from './values'

/** A multipart/form-data body as bytes, with the content type that announces it (or fails to). */
export interface MultipartBody {
  contentType: string
  payload: Buffer
  note: string
}

interface Part {
  name: string
  filename: string | null
  contentType: string | null
  content: Buffer
}

/** A real 1×1 PNG, so that some uploads succeed and the routes past the upload see real ids. */
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64'
)
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** A PNG chunk whose declared length may lie about its data. */
const pngChunk = fc
  .record({
    type: fc.constantFrom('IHDR', 'tEXt', 'tIME', 'iTXt', 'zTXt', 'eXIf', 'IDAT', 'IEND', 'zzzz'),
    data: fc.uint8Array({ maxLength: 64 }),
    lengthLie: fc.oneof(fc.constant(0), fc.integer({ min: -64, max: 64 }), fc.constant(0x7fffffff))
  })
  .map(({ type, data, lengthLie }) => {
    const header = Buffer.alloc(8)
    header.writeUInt32BE(Math.max(0, Math.min(0xffffffff, data.length + lengthLie)), 0)
    header.write(type, 4, 'latin1')
    return Buffer.concat([header, Buffer.from(data), Buffer.alloc(4)])
  })

/** A JPEG segment (APPn, COM, DQT, SOS …) whose length field may lie. */
const jpegSegment = fc
  .record({
    marker: fc.constantFrom(0xe0, 0xe1, 0xe2, 0xed, 0xfe, 0xdb, 0xc0, 0xc4, 0xda, 0xd9, 0x01, 0xff),
    data: fc.uint8Array({ maxLength: 64 }),
    lengthLie: fc.oneof(fc.constant(0), fc.integer({ min: -4, max: 64 }), fc.constant(0xffff))
  })
  .map(({ marker, data, lengthLie }) => {
    const length = Math.max(0, Math.min(0xffff, data.length + 2 + lengthLie))
    return Buffer.concat([Buffer.from([0xff, marker, length >> 8, length & 0xff]), Buffer.from(data)])
  })

const csvRow = fc.array(hostileText, { maxLength: 5 }).map((cells) => cells.join(','))

/** A registry row that is nearly right: hostile names, ID numbers of the right shape, real and unknown districts. */
const registryRow = fc
  .tuple(
    hostileText,
    fc.stringMatching(/^4199\d{13}[\dX]$/),
    fc.constantFrom('419902', '419903', '419921', '000000', ''),
    fc.constantFrom('soldier', 'officer_transferred', 'other', '退役士兵', '')
  )
  .map((cells) => cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(','))

/** A CSV the importer can read, so that imports start and run on hostile rows. */
const registryCsv = fc
  .array(registryRow, { minLength: 1, maxLength: 6 })
  .map((rows) => Buffer.from(['姓名,身份证号,区县代码,类别', ...rows].join('\r\n')))

/** File contents an uploader or an importer could send: broken images, odd CSV, random bytes. */
const fileContent: fc.Arbitrary<Buffer> = fc.oneof(
  fc.array(pngChunk, { maxLength: 5 }).map((chunks) => Buffer.concat([PNG_SIGNATURE, ...chunks])),
  fc.array(jpegSegment, { maxLength: 5 }).map((segments) => Buffer.concat([Buffer.from([0xff, 0xd8]), ...segments])),
  fc.array(csvRow, { maxLength: 6 }).map((rows) => Buffer.from(['姓名,身份证号,区县代码,类别', ...rows].join('\r\n'))),
  fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes)),
  // An XLSX is a zip: its local-file signature followed by junk.
  fc.uint8Array({ maxLength: 128 }).map((bytes) => Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), bytes])),
  fc.constant(Buffer.alloc(0)),
  fc.constant(ONE_PIXEL_PNG)
)

const mappingField = fc.constantFrom(
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"姓名":"name","身份证号":"idNumber"}',
  '{"姓名":"__proto__"}',
  '[1,2,3]',
  'null',
  'not json',
  '{"a":'.repeat(10_000)
)

const part: fc.Arbitrary<Part> = fc.oneof(
  fc.record({
    name: fc.oneof(fc.constant('file'), fc.constantFrom(...POLLUTION_KEYS), hostileText),
    filename: fc.option(
      fc.constantFrom('photo.png', 'a.jpg', 'people.csv', 'x.xlsx', '../../etc/passwd', '\uD800.png', '')
    ),
    contentType: fc.option(
      fc.constantFrom('image/png', 'image/jpeg', 'text/csv', 'application/octet-stream', '\u00ff')
    ),
    content: fileContent
  }),
  fc.record({
    name: fc.constant('mapping'),
    filename: fc.constant(null),
    contentType: fc.constant(null),
    content: mappingField.map((text) => Buffer.from(text))
  })
)

function header(p: Part): string {
  const filename = p.filename === null ? '' : `; filename="${p.filename}"`
  const type = p.contentType === null ? '' : `\r\nContent-Type: ${p.contentType}`
  return `Content-Disposition: form-data; name="${p.name}"${filename}${type}\r\n\r\n`
}

function assemble(boundary: string, parts: Part[]): Buffer {
  const pieces = parts.flatMap((p) => [Buffer.from(`--${boundary}\r\n${header(p)}`), p.content, Buffer.from('\r\n')])
  return Buffer.concat([...pieces, Buffer.from(`--${boundary}--\r\n`)])
}

type Damage =
  'none' | 'truncated' | 'no-closing-boundary' | 'other-boundary' | 'no-boundary' | 'bare-newlines' | 'preamble'

/** One intact `file` part with content the routes accept (a real PNG, a readable CSV): requests that get through. */
const wellFormed: fc.Arbitrary<MultipartBody> = fc
  .oneof(
    registryCsv.map((content) => ({ content, filename: 'people.csv', type: 'text/csv' })),
    fc.constant({ content: ONE_PIXEL_PNG, filename: 'photo.png', type: 'image/png' })
  )
  .map(({ content, filename, type }) => ({
    contentType: 'multipart/form-data; boundary=fuzz',
    payload: assemble('fuzz', [{ name: 'file', filename, contentType: type, content }]),
    note: `multipart well-formed ${filename}`
  }))

/** Multipart bodies, intact or damaged: cut short, with the wrong or no boundary, LF line ends, junk before the first part. */
const anyMultipartBody: fc.Arbitrary<MultipartBody> = fc
  .record({
    boundary: fc.stringMatching(/^[A-Za-z0-9'()+_,.-]{1,70}$/),
    parts: fc.array(part, { minLength: 0, maxLength: 3 }),
    damage: fc.constantFrom<Damage>(
      'none',
      'none',
      'truncated',
      'no-closing-boundary',
      'other-boundary',
      'no-boundary',
      'bare-newlines',
      'preamble'
    ),
    cut: fc.double({ min: 0, max: 1, noNaN: true })
  })
  .map(({ boundary, parts, damage, cut }) => {
    const intact = assemble(boundary, parts)
    const contentType = `multipart/form-data; boundary=${boundary}`
    const note = `multipart ${damage}: parts ${parts.map((p) => JSON.stringify(p.name.slice(0, 20))).join(', ')}`
    switch (damage) {
      case 'truncated':
        return { contentType, payload: intact.subarray(0, Math.floor(intact.length * cut)), note }
      case 'no-closing-boundary':
        return { contentType, payload: intact.subarray(0, intact.length - boundary.length - 6), note }
      case 'other-boundary':
        return { contentType: `multipart/form-data; boundary=x${boundary}`, payload: intact, note }
      case 'no-boundary':
        return { contentType: 'multipart/form-data', payload: intact, note }
      case 'bare-newlines':
        return { contentType, payload: Buffer.from(intact.toString('latin1').replace(/\r\n/g, '\n'), 'latin1'), note }
      case 'preamble':
        return { contentType, payload: Buffer.concat([Buffer.from('junk\r\n'.repeat(50)), intact]), note }
      default:
        return { contentType, payload: intact, note }
    }
  })

export const multipartBody: fc.Arbitrary<MultipartBody> = fc.oneof(
  { arbitrary: wellFormed, weight: 1 },
  { arbitrary: anyMultipartBody, weight: 3 }
)
