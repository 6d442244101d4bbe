import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { Readable } from 'node:stream'
import { crc32, deflateSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { groupCommit } from '../src/db/group-commit'
import { claimAttachments } from '../src/modules/uploads/service'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'

// Images are built here byte by byte: a JPEG as a phone writes it (JFIF, Exif with a GPS position, a comment,
// IPTC, tables, one scan, and extra data after the end marker) and a PNG with text, time and Exif chunks.

const GPS_TEXT = 'GPS 39.9042N 116.4074E'

function jpegSegment(marker: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(4)
  header.writeUInt16BE(0xff00 | marker, 0)
  header.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([header, payload])
}

/** An Exif block (big-endian TIFF): IFD0 with the orientation if given, a GPS pointer, and the camera's text. */
function exifPayload(orientation?: number): Buffer {
  const entries: [number, number, number, number][] = [] // tag, type, count, value
  if (orientation) entries.push([0x0112, 3, 1, orientation << 16])
  const text = Buffer.from(`${GPS_TEXT}\0`, 'latin1')
  const ifdSize = 2 + (entries.length + 2) * 12 + 4
  const textAt = 8 + ifdSize
  const gpsAt = textAt + text.length
  entries.push([0x010f, 2, text.length, textAt]) // Make, pointing at the text
  entries.push([0x8825, 4, 1, gpsAt]) // GPSInfo IFD
  const tiff = Buffer.alloc(gpsAt + 2 + 12 + 4)
  tiff.write('MM', 0, 'latin1')
  tiff.writeUInt16BE(42, 2)
  tiff.writeUInt32BE(8, 4)
  tiff.writeUInt16BE(entries.length, 8)
  entries.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12
    tiff.writeUInt16BE(tag, at)
    tiff.writeUInt16BE(type, at + 2)
    tiff.writeUInt32BE(count, at + 4)
    tiff.writeUInt32BE(value >>> 0, at + 8)
  })
  text.copy(tiff, textAt)
  tiff.writeUInt16BE(1, gpsAt) // GPS IFD: GPSLatitudeRef 'N'
  tiff.writeUInt16BE(0x0001, gpsAt + 2)
  tiff.writeUInt16BE(2, gpsAt + 4)
  tiff.writeUInt32BE(2, gpsAt + 6)
  tiff.write('N\0', gpsAt + 10, 'latin1')
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
}

const JFIF = jpegSegment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'))
const PICTURE = Buffer.concat([
  jpegSegment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])), // DQT
  jpegSegment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])), // SOF0: 1×1, one component
  jpegSegment(0xc4, Buffer.from([0x00, 1, ...Array<number>(15).fill(0), 0])), // DHT
  jpegSegment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])), // SOS
  Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]) // scan data with a stuffed 0xFF and a restart marker
])

function phoneJpeg(orientation?: number): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    JFIF,
    jpegSegment(0xe1, exifPayload(orientation)),
    jpegSegment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>home</x:xmpmeta>', 'latin1')),
    jpegSegment(0xed, Buffer.from('Photoshop 3.0\0IPTC by-line 王建国', 'utf8')),
    jpegSegment(0xfe, Buffer.from('taken at home', 'latin1')),
    PICTURE,
    Buffer.from([0xff, 0xd9]),
    Buffer.from(`Exif ${GPS_TEXT} (a second image after the end marker)`, 'latin1')
  ])
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const IHDR = pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]))
const IDAT = pngChunk('IDAT', deflateSync(Buffer.from([0, 0x80])))
const IEND = pngChunk('IEND', Buffer.alloc(0))

function phonePng(): Buffer {
  return Buffer.concat([
    PNG_SIGNATURE,
    IHDR,
    pngChunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f])),
    pngChunk('tEXt', Buffer.from(`Comment\0${GPS_TEXT}`, 'latin1')),
    pngChunk('eXIf', exifPayload().subarray(6)),
    pngChunk('tIME', Buffer.from([0x07, 0xea, 12, 1, 9, 30, 0])),
    IDAT,
    pngChunk('iTXt', Buffer.from('Author\0\0\0\0\0王建国', 'utf8')),
    IEND,
    Buffer.from('trailing data')
  ])
}

/** A multipart body with one file; as a stream, it travels without a content-length. */
function multipart(bytes: Buffer, filename: string, contentType: string, stream = false) {
  const boundary = 'test-boundary-7d1f'
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const body = Buffer.concat([head, bytes, tail])
  return {
    payload: stream ? Readable.from([body]) : body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }
  }
}

function upload(session: Session, bytes: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg') {
  return session.request({ method: 'POST', url: '/api/v1/uploads', ...multipart(bytes, filename, contentType) })
}

function jpegMarkers(bytes: Buffer): number[] {
  const markers: number[] = []
  let pos = 2
  while (bytes[pos] === 0xff && bytes[pos + 1] !== 0xda) {
    markers.push(bytes[pos + 1]!)
    pos += 2 + bytes.readUInt16BE(pos + 2)
  }
  return markers
}

function pngChunkTypes(bytes: Buffer): string[] {
  const types: string[] = []
  for (let pos = 8; pos < bytes.length; pos += 12 + bytes.readUInt32BE(pos))
    types.push(bytes.toString('latin1', pos + 4, pos + 8))
  return types
}

describe('uploads', () => {
  let app: FastifyInstance
  let laowang: Session
  let xiaowang: Session

  beforeAll(async () => {
    app = await buildTestApp()
    laowang = await signInWechat(app, 'laowang')
    xiaowang = await signInWechat(app, 'xiaowang')
  })
  afterAll(async () => app.close())

  it('stores a phone JPEG without Exif, GPS, XMP, IPTC, comments or trailing data, and serves it to its uploader', async () => {
    const created = await upload(laowang, phoneJpeg())
    expect(created.statusCode).toBe(201)
    const body = created.json()
    expect(body).toEqual({
      id: expect.any(String),
      contentType: 'image/jpeg',
      size: expect.any(Number),
      url: `/api/v1/uploads/${body.id}`
    })

    const served = await laowang.request({ method: 'GET', url: body.url })
    expect(served.statusCode).toBe(200)
    expect(served.headers['content-type']).toBe('image/jpeg')
    const bytes = served.rawPayload
    expect(bytes.length).toBe(body.size)
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xd8])
    expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9])
    const text = bytes.toString('latin1')
    for (const gone of ['Exif', 'GPS', '39.9042', 'xmpmeta', 'Photoshop', 'taken at home', 'second image']) {
      expect(text).not.toContain(gone)
    }
    expect(jpegMarkers(bytes)).toEqual([0xe0, 0xdb, 0xc0, 0xc4]) // JFIF, tables, frame; no APP1/APP13/COM
    // The picture itself is untouched.
    expect(bytes.equals(Buffer.concat([Buffer.from([0xff, 0xd8]), JFIF, PICTURE, Buffer.from([0xff, 0xd9])]))).toBe(
      true
    )
  })

  it('keeps a JPEG’s orientation, and nothing else of its Exif', async () => {
    const body = (await upload(laowang, phoneJpeg(6))).json()
    const bytes = (await laowang.request({ method: 'GET', url: body.url })).rawPayload
    expect(jpegMarkers(bytes)).toEqual([0xe0, 0xe1, 0xdb, 0xc0, 0xc4])
    const app1 = bytes.subarray(2 + JFIF.length)
    expect(app1.toString('latin1', 4, 12)).toBe('Exif\0\0MM')
    expect(app1.readUInt16BE(18)).toBe(1) // one entry …
    expect(app1.readUInt16BE(20)).toBe(0x0112) // … the orientation
    expect(app1.readUInt16BE(28)).toBe(6)
    expect(bytes.toString('latin1')).not.toContain('GPS')
  })

  it('stores a PNG without its text, time and Exif chunks', async () => {
    const created = await upload(laowang, phonePng(), 'shot.png', 'image/png')
    expect(created.statusCode).toBe(201)
    expect(created.json().contentType).toBe('image/png')
    const served = await laowang.request({ method: 'GET', url: created.json().url })
    expect(served.headers['content-type']).toBe('image/png')
    const bytes = served.rawPayload
    expect(pngChunkTypes(bytes)).toEqual(['IHDR', 'gAMA', 'IDAT', 'IEND'])
    expect(bytes.toString('latin1')).not.toContain('GPS')
    expect(bytes.subarray(-IEND.length).equals(IEND)).toBe(true)
  })

  it('judges the type by the bytes: a text file named .jpg is 415, a PNG named .jpg is a PNG', async () => {
    const text = await upload(
      laowang,
      Buffer.from('just some text, not a photo\n'.repeat(20)),
      'photo.jpg',
      'image/jpeg'
    )
    expect(text.statusCode).toBe(415)
    expect(text.json().error.code).toBe('UNSUPPORTED_MEDIA')

    const png = await upload(laowang, phonePng(), 'photo.jpg', 'image/jpeg')
    expect(png.json().contentType).toBe('image/png')
  })

  it('refuses an image too broken to clean (415)', async () => {
    const truncated = phoneJpeg().subarray(0, 60)
    const response = await upload(laowang, truncated)
    expect(response.statusCode).toBe(415)
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA')
  })

  it('refuses a file over 5 MB (413), whether or not the request says its length', async () => {
    const big = Buffer.concat([phoneJpeg(), Buffer.alloc(6 * 1024 * 1024)])
    const declared = await upload(laowang, big)
    expect(declared.statusCode).toBe(413)
    expect(declared.json().error.code).toBe('TOO_LARGE')

    const justOver = Buffer.concat([phoneJpeg(), Buffer.alloc(5 * 1024 * 1024)])
    const streamed = await laowang.request({
      method: 'POST',
      url: '/api/v1/uploads',
      ...multipart(justOver, 'photo.jpg', 'image/jpeg', true)
    })
    expect(streamed.statusCode).toBe(413)
    expect(streamed.json().error.code).toBe('TOO_LARGE')
  })

  it('wants a multipart body with a file', async () => {
    const json = await laowang.request({ method: 'POST', url: '/api/v1/uploads', payload: { file: 'x' } })
    expect(json.statusCode).toBe(415)
    const empty = await laowang.request({
      method: 'POST',
      url: '/api/v1/uploads',
      payload: '--b\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--b--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=b' }
    })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.code).toBe('VALIDATION_FAILED')
  })

  it('serves a photo to nobody but its uploader while it is not attached (404)', async () => {
    const { url } = (await upload(laowang, phoneJpeg())).json()
    expect((await xiaowang.request({ method: 'GET', url })).statusCode).toBe(404)
    expect((await (await signInStaff(app, 'admin')).request({ method: 'GET', url })).statusCode).toBe(404)
    expect((await laowang.request({ method: 'GET', url: '/api/v1/uploads/NOSUCHUPLOAD' })).statusCode).toBe(404)
  })

  it('wants a signed-in person (401)', async () => {
    const { url } = (await upload(laowang, phoneJpeg())).json()
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401)
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      ...multipart(phoneJpeg(), 'p.jpg', 'image/jpeg')
    })
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED')
  })

  it('stores files under random names in the uploads folder', async () => {
    await upload(laowang, phoneJpeg(), 'my-home-address.jpg')
    const names = readdirSync(app.config.uploadsDir)
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) expect(name).toMatch(/^[0-9a-f]{32}$/)
  })

  it('lets messaging attach only the uploader’s own, unattached photos, in one transaction', async () => {
    const mine = (await upload(laowang, phoneJpeg())).json()
    const second = (await upload(laowang, phonePng(), 'b.png', 'image/png')).json()
    const theirs = (await upload(xiaowang, phoneJpeg())).json()
    const claim = (ids: string[], threadId: string) =>
      groupCommit(app.db, (tx) => claimAttachments(tx, laowang.user.id, ids, threadId, 'message-1'))

    await expect(claim([mine.id, theirs.id], 'thread-1')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ path: 'body.attachmentIds.1', message: expect.any(String) }] }
    })
    // The refusal rolled the first one back: it can still be attached.
    expect(await claim([mine.id, second.id], 'thread-1')).toEqual([mine, second])
    await expect(claim([mine.id], 'thread-2')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    // Attached, it is still the uploader's to see; others see it only through the thread (messaging decides).
    expect((await laowang.request({ method: 'GET', url: mine.url })).statusCode).toBe(200)
    expect((await xiaowang.request({ method: 'GET', url: mine.url })).statusCode).toBe(404)
  })

  it('serves a photo as an image under a fixed name: never sniffed, never a page, kept on the device only', async () => {
    const { url } = (await upload(laowang, phoneJpeg(), '"><script>.html')).json()
    const got = await laowang.request({ method: 'GET', url })
    expect(got.statusCode).toBe(200)
    expect(got.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline; filename="photo.jpg"',
      'cache-control': 'private, max-age=86400'
    })
    expect(got.headers['content-security-policy']).toContain('sandbox')
  })

  it('drops markup hidden in a JPEG’s comment, metadata or tail (a polyglot)', async () => {
    const script = '<script>alert(document.cookie)</script>'
    const polyglot = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      jpegSegment(0xfe, Buffer.from(`<html>${script}`, 'latin1')),
      jpegSegment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${script}`, 'latin1')),
      PICTURE,
      Buffer.from([0xff, 0xd9]),
      Buffer.from(`<html><body>${script}</body></html>`, 'latin1')
    ])
    const stored = await upload(laowang, polyglot, 'photo.jpg')
    expect(stored.statusCode).toBe(201)
    const served = await laowang.request({ method: 'GET', url: stored.json().url })
    expect(served.rawPayload.toString('latin1')).not.toContain('<script')
    expect(served.rawPayload.toString('latin1')).not.toContain('<html')
  })

  it('keeps at most 20 unsent photos per person: the oldest go, files and all', async () => {
    const hoarder = await signInWechat(app, 'photo-hoarder')
    const before = readdirSync(app.config.uploadsDir).length
    const urls: string[] = []
    for (let i = 0; i < 22; i++) urls.push((await upload(hoarder, phonePng(), 'b.png', 'image/png')).json().url)
    expect(readdirSync(app.config.uploadsDir)).toHaveLength(before + 20)
    const status = async (url: string) => (await hoarder.request({ method: 'GET', url })).statusCode
    expect([await status(urls[0]!), await status(urls[1]!), await status(urls[2]!), await status(urls[21]!)]).toEqual([
      404, 404, 200, 200
    ])
  })

  it('deletes a closed account’s photos, files and all', async () => {
    const leaving = await signInWechat(app, 'leaving-uploader')
    const before = readdirSync(app.config.uploadsDir).length
    await upload(leaving, phoneJpeg())
    await upload(leaving, phonePng(), 'b.png', 'image/png')
    expect(readdirSync(app.config.uploadsDir)).toHaveLength(before + 2)
    expect((await leaving.request({ method: 'DELETE', url: '/api/v1/me' })).statusCode).toBe(204)
    expect(readdirSync(app.config.uploadsDir)).toHaveLength(before)
  })
})
