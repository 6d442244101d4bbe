// A real PNG of noise (it does not compress, so its size is what is asked) and the multipart body that uploads it.
import { randomBytes } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

/** A greyscale PNG of about `bytes` bytes of random pixels. */
export function noisePng(bytes: number): Buffer {
  const width = 1024
  const height = Math.max(1, Math.ceil(bytes / (width + 1)))
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale, no interlace
  const rows = Buffer.concat(
    Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width)]))
  )
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 0 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/** A multipart/form-data body with one file field. */
export function multipartPhoto(png: Buffer) {
  const boundary = `----reliability${randomBytes(8).toString('hex')}`
  const bytes = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\n` +
        'Content-Type: image/png\r\n\r\n'
    ),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`)
  ])
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes }
}
