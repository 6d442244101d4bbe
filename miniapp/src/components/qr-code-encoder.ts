/**
 * A QR Code encoder (ISO/IEC 18004), byte mode, error correction level M: enough for check-in codes and short
 * links, written here because the whole algorithm is a few hundred lines and the mini-program's main package
 * should not carry a general-purpose library. Pure: no Taro, no DOM; the component draws the matrix.
 *
 * Level M restores up to ~15 % of damaged modules (a scratched screen protector, glare at the desk).
 */

/** The symbol: `modules[row][col]`, true = dark. */
export interface QrMatrix {
  version: number
  size: number
  mask: number
  modules: boolean[][]
}

const MIN_VERSION = 1
const MAX_VERSION = 40

// Level M per version (index = version; index 0 unused): error correction codewords per block, and blocks.
const ECC_CODEWORDS_PER_BLOCK_M = [
  -1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28,
  28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28
]
const ECC_BLOCKS_M = [
  -1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33,
  35, 37, 38, 40, 43, 45, 47, 49
]
/** The two format-information bits that name level M. */
const LEVEL_M_FORMAT_BITS = 0b00
const BYTE_MODE = 0b0100

/** UTF-8 bytes of a string (WeChat's JS engine does not always have TextEncoder). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = []
  for (const char of text) {
    const cp = char.codePointAt(0)!
    if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
  }
  return out
}

/** Modules available for data and error correction once the function patterns are drawn. */
function rawDataModules(version: number): number {
  let result = (16 * version + 128) * version + 64
  if (version >= 2) {
    const alignments = Math.floor(version / 7) + 2
    result -= (25 * alignments - 10) * alignments - 55
    if (version >= 7) result -= 36
  }
  return result
}

export function dataCodewordCapacity(version: number): number {
  return Math.floor(rawDataModules(version) / 8) - ECC_CODEWORDS_PER_BLOCK_M[version]! * ECC_BLOCKS_M[version]!
}

/** Centre coordinates of the alignment patterns on each axis. */
export function alignmentPositions(version: number): number[] {
  if (version === 1) return []
  const count = Math.floor(version / 7) + 2
  const size = version * 4 + 17
  const step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2
  const positions = [6]
  for (let pos = size - 7; positions.length < count; pos -= step) positions.splice(1, 0, pos)
  return positions
}

// Reed–Solomon over GF(2^8) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
function gfMultiply(x: number, y: number): number {
  let z = 0
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d)
    z ^= ((y >>> i) & 1) * x
  }
  return z
}

function rsDivisor(degree: number): number[] {
  const result = new Array<number>(degree).fill(0)
  result[degree - 1] = 1
  let root = 1
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < result.length; j++) {
      result[j] = gfMultiply(result[j]!, root)
      if (j + 1 < result.length) result[j] = result[j]! ^ result[j + 1]!
    }
    root = gfMultiply(root, 0x02)
  }
  return result
}

function rsRemainder(data: readonly number[], divisor: readonly number[]): number[] {
  const result = new Array<number>(divisor.length).fill(0)
  for (const byte of data) {
    const factor = byte ^ result.shift()!
    result.push(0)
    divisor.forEach((coef, i) => {
      result[i] = result[i]! ^ gfMultiply(coef, factor)
    })
  }
  return result
}

/** The `degree` error correction codewords of a block of data codewords. */
export function errorCorrectionCodewords(data: readonly number[], degree: number): number[] {
  return rsRemainder(data, rsDivisor(degree))
}

/** Mode indicator, count, bytes, terminator and padding: the data codewords of the chosen version. */
function dataCodewords(bytes: readonly number[], version: number): number[] {
  const bits: number[] = []
  const append = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1)
  }
  append(BYTE_MODE, 4)
  append(bytes.length, version <= 9 ? 8 : 16)
  for (const byte of bytes) append(byte, 8)
  const capacityBits = dataCodewordCapacity(version) * 8
  append(0, Math.min(4, capacityBits - bits.length))
  append(0, (8 - (bits.length % 8)) % 8)
  for (let pad = 0xec; bits.length < capacityBits; pad ^= 0xec ^ 0x11) append(pad, 8)
  const codewords: number[] = []
  for (let i = 0; i < bits.length; i += 8)
    codewords.push(bits.slice(i, i + 8).reduce((acc, bit) => (acc << 1) | bit, 0))
  return codewords
}

/** Splits into blocks, adds each block's error correction, and interleaves them as the standard lays them out. */
function withErrorCorrection(data: readonly number[], version: number): number[] {
  const blockCount = ECC_BLOCKS_M[version]!
  const eccLength = ECC_CODEWORDS_PER_BLOCK_M[version]!
  const rawCodewords = Math.floor(rawDataModules(version) / 8)
  const shortBlocks = blockCount - (rawCodewords % blockCount)
  const shortBlockLength = Math.floor(rawCodewords / blockCount)
  const divisor = rsDivisor(eccLength)
  const blocks: { data: number[]; ecc: number[] }[] = []
  for (let i = 0, offset = 0; i < blockCount; i++) {
    const length = shortBlockLength - eccLength + (i < shortBlocks ? 0 : 1)
    const block = data.slice(offset, offset + length)
    offset += length
    blocks.push({ data: block, ecc: rsRemainder(block, divisor) })
  }
  const result: number[] = []
  const longest = shortBlockLength - eccLength + 1
  for (let i = 0; i < longest; i++) for (const block of blocks) if (i < block.data.length) result.push(block.data[i]!)
  for (let i = 0; i < eccLength; i++) for (const block of blocks) result.push(block.ecc[i]!)
  return result
}

export function formatBits(mask: number): number {
  const data = (LEVEL_M_FORMAT_BITS << 3) | mask
  let rem = data
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537)
  return ((data << 10) | rem) ^ 0x5412
}

export function versionBits(version: number): number {
  let rem = version
  for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25)
  return (version << 12) | rem
}

const MASKS: ReadonlyArray<(row: number, col: number) => boolean> = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0
]

/** The grid with its function patterns (finders, timing, alignment, reserved format and version areas). */
class Symbol {
  readonly size: number
  readonly modules: boolean[][]
  readonly isFunction: boolean[][]

  constructor(readonly version: number) {
    this.size = version * 4 + 17
    this.modules = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false))
    this.isFunction = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false))
    this.drawFunctionPatterns()
  }

  private setFunction(row: number, col: number, dark: boolean) {
    this.modules[row]![col] = dark
    this.isFunction[row]![col] = true
  }

  private drawFunctionPatterns() {
    const { size } = this
    for (let i = 0; i < size; i++) {
      this.setFunction(6, i, i % 2 === 0)
      this.setFunction(i, 6, i % 2 === 0)
    }
    this.drawFinder(3, 3)
    this.drawFinder(3, size - 4)
    this.drawFinder(size - 4, 3)
    const positions = alignmentPositions(this.version)
    const last = positions.length - 1
    positions.forEach((row, i) =>
      positions.forEach((col, j) => {
        const underFinder = (i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)
        if (!underFinder) this.drawAlignment(row, col)
      })
    )
    this.drawFormat(0) // reserves the area; the real mask's bits are drawn at the end
    this.drawVersion()
  }

  private drawFinder(centerRow: number, centerCol: number) {
    for (let dr = -4; dr <= 4; dr++) {
      for (let dc = -4; dc <= 4; dc++) {
        const row = centerRow + dr
        const col = centerCol + dc
        if (row < 0 || row >= this.size || col < 0 || col >= this.size) continue
        const ring = Math.max(Math.abs(dr), Math.abs(dc))
        this.setFunction(row, col, ring !== 2 && ring !== 4)
      }
    }
  }

  private drawAlignment(centerRow: number, centerCol: number) {
    for (let dr = -2; dr <= 2; dr++) {
      for (let dc = -2; dc <= 2; dc++)
        this.setFunction(centerRow + dr, centerCol + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1)
    }
  }

  drawFormat(mask: number) {
    const bits = formatBits(mask)
    const bit = (i: number) => ((bits >>> i) & 1) === 1
    const { size } = this
    // Around the top-left finder.
    for (let i = 0; i <= 5; i++) this.setFunction(i, 8, bit(i))
    this.setFunction(7, 8, bit(6))
    this.setFunction(8, 8, bit(7))
    this.setFunction(8, 7, bit(8))
    for (let i = 9; i < 15; i++) this.setFunction(8, 14 - i, bit(i))
    // The copy beside the other two finders.
    for (let i = 0; i < 8; i++) this.setFunction(8, size - 1 - i, bit(i))
    for (let i = 8; i < 15; i++) this.setFunction(size - 15 + i, 8, bit(i))
    this.setFunction(size - 8, 8, true) // the dark module
  }

  private drawVersion() {
    if (this.version < 7) return
    const bits = versionBits(this.version)
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1
      const a = this.size - 11 + (i % 3)
      const b = Math.floor(i / 3)
      this.setFunction(b, a, dark)
      this.setFunction(a, b, dark)
    }
  }

  /** Places the codewords in the two-module-wide zigzag from the bottom-right corner. */
  drawCodewords(codewords: readonly number[]) {
    const { size } = this
    let i = 0
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5 // the vertical timing pattern's column is skipped
      const upward = ((right + 1) & 2) === 0
      for (let vert = 0; vert < size; vert++) {
        const row = upward ? size - 1 - vert : vert
        for (let j = 0; j < 2; j++) {
          const col = right - j
          if (this.isFunction[row]![col] || i >= codewords.length * 8) continue
          this.modules[row]![col] = ((codewords[i >>> 3]! >>> (7 - (i & 7))) & 1) === 1
          i++
        }
      }
    }
  }

  /** XORs the mask over the data modules (applying it twice takes it off again). */
  applyMask(mask: number) {
    const test = MASKS[mask]!
    for (let row = 0; row < this.size; row++) {
      for (let col = 0; col < this.size; col++) {
        if (!this.isFunction[row]![col] && test(row, col)) this.modules[row]![col] = !this.modules[row]![col]
      }
    }
  }
}

/**
 * The penalty score of a masked symbol (ISO/IEC 18004 §7.8.3): long runs, 2×2 blocks, finder-like patterns and
 * an unbalanced share of dark modules each cost points; the encoder keeps the mask that scores lowest.
 */
export function penaltyScore(modules: readonly (readonly boolean[])[]): number {
  const size = modules.length
  let score = 0
  const lines: boolean[][] = []
  for (let r = 0; r < size; r++) lines.push([...modules[r]!])
  for (let c = 0; c < size; c++) lines.push(modules.map((row) => row[c]!))

  const finderLike = [true, false, true, true, true, false, true]
  for (const line of lines) {
    // N1: five or more in a row of one colour.
    let run = 1
    for (let i = 1; i <= size; i++) {
      if (i < size && line[i] === line[i - 1]) {
        run++
        continue
      }
      if (run >= 5) score += 3 + (run - 5)
      run = 1
    }
    // N3: 1:1:3:1:1 dark–light pattern with four light modules on one side (outside the symbol counts as light).
    const at = (i: number) => (i >= 0 && i < size ? line[i]! : false)
    for (let i = 0; i + 7 <= size; i++) {
      if (!finderLike.every((dark, k) => at(i + k) === dark)) continue
      const lightBefore = [1, 2, 3, 4].every((k) => !at(i - k))
      const lightAfter = [0, 1, 2, 3].every((k) => !at(i + 7 + k))
      if (lightBefore || lightAfter) score += 40
    }
  }
  // N2: 2×2 blocks of one colour.
  for (let r = 0; r + 1 < size; r++) {
    for (let c = 0; c + 1 < size; c++) {
      const colour = modules[r]![c]
      if (colour === modules[r]![c + 1] && colour === modules[r + 1]![c] && colour === modules[r + 1]![c + 1])
        score += 3
    }
  }
  // N4: 10 points for each full 5 % the dark share is away from 50 %.
  const dark = modules.reduce((sum, row) => sum + row.filter(Boolean).length, 0)
  const total = size * size
  score += Math.floor(Math.abs(dark * 100 - total * 50) / (total * 5)) * 10
  return score
}

export class QrTooLongError extends Error {
  constructor(readonly bytes: number) {
    super(`QR code: ${bytes} bytes do not fit in version ${MAX_VERSION} at level M`)
    this.name = 'QrTooLongError'
  }
}

/**
 * Encodes `text` (UTF-8, byte mode, level M) in the smallest version that holds it. `mask` forces one of the
 * eight masks (tests compare with other encoders); by default the lowest-penalty mask is chosen.
 */
export function encodeQr(text: string, options: { mask?: number } = {}): QrMatrix {
  const bytes = utf8Bytes(text)
  let version = MIN_VERSION
  for (; version <= MAX_VERSION; version++) {
    const needed = 4 + (version <= 9 ? 8 : 16) + bytes.length * 8
    if (needed <= dataCodewordCapacity(version) * 8) break
  }
  if (version > MAX_VERSION) throw new QrTooLongError(bytes.length)

  const symbol = new Symbol(version)
  symbol.drawCodewords(withErrorCorrection(dataCodewords(bytes, version), version))

  let mask = options.mask
  if (mask === undefined) {
    let best = Number.POSITIVE_INFINITY
    for (let candidate = 0; candidate < 8; candidate++) {
      symbol.applyMask(candidate)
      symbol.drawFormat(candidate)
      const score = penaltyScore(symbol.modules)
      if (score < best) {
        best = score
        mask = candidate
      }
      symbol.applyMask(candidate)
    }
  }
  symbol.applyMask(mask!)
  symbol.drawFormat(mask!)
  return { version, size: symbol.size, mask: mask!, modules: symbol.modules }
}
