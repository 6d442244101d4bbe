// Photos from phones carry metadata (GPS position, device, time, names, thumbnails): personal data that nobody asked
// for. These functions judge the type by the bytes and rebuild the file from the parts that draw the picture only.
// Structure is checked as far as walking it needs; pixels are never decoded.

export type ImageType = 'image/jpeg' | 'image/png'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** The image type the bytes start with, whatever the file is called or claims to be. */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length >= PNG_SIGNATURE.length && bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    return 'image/png'
  }
  return null
}

/** A file whose structure cannot be walked: not an image we can clean, so not one we store. */
export class MalformedImageError extends Error {}

/** The image without its metadata; throws MalformedImageError when its structure is broken. */
export function stripImageMetadata(type: ImageType, bytes: Buffer): Buffer {
  return type === 'image/jpeg' ? stripJpegMetadata(bytes) : stripPngMetadata(bytes)
}

// JPEG markers (ITU T.81, JFIF, Exif).
const SOI = 0xd8
const EOI = 0xd9
const SOS = 0xda
const APP0 = 0xe0
const APP1 = 0xe1
const APP2 = 0xe2
const APP14 = 0xee
const COM = 0xfe

function startsWith(bytes: Buffer, at: number, text: string): boolean {
  return bytes.toString('latin1', at, at + text.length) === text
}

/**
 * Whether a JPEG segment draws the picture. Kept: the JFIF header, the ICC colour profile (colours are wrong
 * without it) and Adobe's segment (it says how to convert the colours), besides every non-APP marker (tables,
 * frame, scans). Dropped: Exif and XMP (APP1), IPTC (APP13), the other APPn, comments.
 */
function keepsJpegSegment(marker: number, bytes: Buffer, payloadAt: number): boolean {
  if (marker === COM) return false
  if (marker < APP0 || marker > 0xef) return true
  if (marker === APP0) return startsWith(bytes, payloadAt, 'JFIF\0')
  if (marker === APP2) return startsWith(bytes, payloadAt, 'ICC_PROFILE\0')
  if (marker === APP14) return startsWith(bytes, payloadAt, 'Adobe')
  return false
}

/**
 * Copies a JPEG without its metadata segments, and without anything after the end-of-image marker (phones put
 * extra images with their own Exif there). The Exif orientation alone is carried over into a minimal Exif
 * segment when it is not the default, so that a portrait photo is not shown lying on its side.
 */
export function stripJpegMetadata(bytes: Buffer): Buffer {
  if (bytes[0] !== 0xff || bytes[1] !== SOI) throw new MalformedImageError('no start-of-image marker')
  const parts: Buffer[] = [bytes.subarray(0, 2)]
  let orientation = 1
  let orientationAt = 1 // where the orientation segment goes: after SOI, or after the JFIF header
  let pos = 2
  for (;;) {
    if (pos >= bytes.length || bytes[pos] !== 0xff) throw new MalformedImageError(`no marker at ${pos}`)
    while (bytes[pos + 1] === 0xff) pos++ // fill bytes
    const marker = bytes[pos + 1]
    if (marker === undefined) throw new MalformedImageError('truncated marker')
    if (marker === EOI) {
      parts.push(bytes.subarray(pos, pos + 2))
      break
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(bytes.subarray(pos, pos + 2)) // markers without a length
      pos += 2
      continue
    }
    if (pos + 4 > bytes.length) throw new MalformedImageError('truncated segment')
    const length = bytes.readUInt16BE(pos + 2)
    const end = pos + 2 + length
    if (length < 2 || end > bytes.length) throw new MalformedImageError(`bad segment length at ${pos}`)
    if (marker === APP1 && startsWith(bytes, pos + 4, 'Exif\0\0')) {
      orientation = exifOrientation(bytes.subarray(pos + 10, end)) ?? orientation
    }
    if (keepsJpegSegment(marker, bytes, pos + 4)) {
      parts.push(bytes.subarray(pos, end))
      if (marker === APP0 && parts.length === 2) orientationAt = 2
    }
    pos = end
    if (marker === SOS) {
      // Entropy-coded data runs to the next marker: an 0xFF not followed by 0x00 (a stuffed byte) or a restart.
      const start = pos
      while (pos + 1 < bytes.length) {
        const next = bytes[pos + 1]!
        if (bytes[pos] === 0xff && next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) break
        pos++
      }
      if (pos + 1 >= bytes.length) throw new MalformedImageError('no end-of-image marker')
      parts.push(bytes.subarray(start, pos))
    }
  }
  if (orientation !== 1) parts.splice(orientationAt, 0, orientationSegment(orientation))
  return Buffer.concat(parts)
}

const ORIENTATION_TAG = 0x0112
const TIFF_SHORT = 3

/** The orientation (1–8) in an Exif TIFF block, or null when it has none or cannot be read. */
function exifOrientation(tiff: Buffer): number | null {
  if (tiff.length < 8) return null
  const order = tiff.toString('latin1', 0, 2)
  if (order !== 'II' && order !== 'MM') return null
  const little = order === 'II'
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at))
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at))
  if (u16(2) !== 42) return null
  const ifd = u32(4)
  if (ifd + 2 > tiff.length) return null
  const count = u16(ifd)
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > tiff.length) return null
    if (u16(entry) === ORIENTATION_TAG && u16(entry + 2) === TIFF_SHORT) {
      const value = u16(entry + 8)
      return value >= 1 && value <= 8 ? value : null
    }
  }
  return null
}

/** An APP1 Exif segment holding nothing but the orientation (big-endian TIFF, one IFD with one entry). */
function orientationSegment(orientation: number): Buffer {
  const segment = Buffer.alloc(36)
  segment.writeUInt16BE(0xffe1, 0)
  segment.writeUInt16BE(34, 2) // length counts itself, not the marker
  segment.write('Exif\0\0', 4, 'latin1')
  segment.write('MM', 10, 'latin1')
  segment.writeUInt16BE(42, 12)
  segment.writeUInt32BE(8, 14) // IFD0 right after the TIFF header
  segment.writeUInt16BE(1, 18) // one entry
  segment.writeUInt16BE(ORIENTATION_TAG, 20)
  segment.writeUInt16BE(TIFF_SHORT, 22)
  segment.writeUInt32BE(1, 24)
  segment.writeUInt16BE(orientation, 28) // value left-aligned in its 4 bytes; bytes 30–31 stay 0
  segment.writeUInt32BE(0, 32) // no next IFD
  return segment
}

/**
 * PNG chunks that affect what is drawn: the critical ones, transparency, and colour and pixel-size information.
 * Everything else goes: eXIf, text chunks (tEXt, zTXt, iTXt), tIME, and chunks private to some program.
 */
const PNG_KEPT_CHUNKS = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'sBIT',
  'pHYs',
  'cICP'
])

/** Copies a PNG with only the chunks that draw the picture, and nothing after IEND. */
export function stripPngMetadata(bytes: Buffer): Buffer {
  const parts: Buffer[] = [bytes.subarray(0, PNG_SIGNATURE.length)]
  let pos = PNG_SIGNATURE.length
  let first = true
  for (;;) {
    if (pos + 12 > bytes.length) throw new MalformedImageError('truncated chunk')
    const length = bytes.readUInt32BE(pos)
    const type = bytes.toString('latin1', pos + 4, pos + 8)
    const end = pos + 12 + length
    if (!/^[A-Za-z]{4}$/.test(type) || end > bytes.length) throw new MalformedImageError(`bad chunk at ${pos}`)
    if (first && type !== 'IHDR') throw new MalformedImageError('IHDR is not the first chunk')
    first = false
    if (PNG_KEPT_CHUNKS.has(type)) parts.push(bytes.subarray(pos, end))
    pos = end
    if (type === 'IEND') return Buffer.concat(parts)
  }
}
