import { describe, expect, it } from 'vitest'
import {
  alignmentPositions,
  dataCodewordCapacity,
  encodeQr,
  errorCorrectionCodewords,
  formatBits,
  penaltyScore,
  QrTooLongError,
  utf8Bytes,
  versionBits
} from '../src/components/qr-code-encoder'
import { QRENCODE_V1, QRENCODE_V7 } from './qr-code-reference'

const toRows = (modules: boolean[][]) => modules.map((row) => row.map((dark) => (dark ? '1' : '0')).join(''))

/** Reads the 15 format bits of a symbol from the copy around the top-left finder (ISO/IEC 18004 §7.9.1). */
function readFormatBits(rows: string[]): number {
  const at = (row: number, col: number) => (rows[row]![col] === '1' ? 1 : 0)
  const bits: number[] = []
  for (let i = 0; i <= 5; i++) bits[i] = at(i, 8)
  bits[6] = at(7, 8)
  bits[7] = at(8, 8)
  bits[8] = at(8, 7)
  for (let i = 9; i < 15; i++) bits[i] = at(8, 14 - i)
  return bits.reduce((acc, bit, i) => acc | (bit << i), 0)
}

/** The other copy, beside the top-right and bottom-left finders. */
function readFormatBitsCopy(rows: string[]): number {
  const size = rows.length
  const at = (row: number, col: number) => (rows[row]![col] === '1' ? 1 : 0)
  let bits = 0
  for (let i = 0; i < 8; i++) bits |= at(8, size - 1 - i) << i
  for (let i = 8; i < 15; i++) bits |= at(size - 15 + i, 8) << i
  return bits
}

describe('QR encoder: parts checked against the standard’s published values', () => {
  it('format information for level M and each mask (ISO/IEC 18004 table C.1)', () => {
    const table = [
      '101010000010010',
      '101000100100101',
      '101111001111100',
      '101101101001011',
      '100010111111001',
      '100000011001110',
      '100111110010111',
      '100101010100000'
    ]
    expect(table.map((_, mask) => formatBits(mask).toString(2).padStart(15, '0'))).toEqual(table)
  })

  it('version information (table D.1)', () => {
    expect(versionBits(7)).toBe(0x07c94)
    expect(versionBits(8)).toBe(0x085bc)
    expect(versionBits(21)).toBe(0x15683)
    expect(versionBits(40)).toBe(0x28c69)
  })

  it('data capacity at level M (table 7) and alignment pattern centres (annex E)', () => {
    expect([1, 2, 5, 7, 10, 40].map(dataCodewordCapacity)).toEqual([16, 28, 86, 124, 216, 2334])
    expect(alignmentPositions(1)).toEqual([])
    expect(alignmentPositions(2)).toEqual([6, 18])
    expect(alignmentPositions(7)).toEqual([6, 22, 38])
    expect(alignmentPositions(32)).toEqual([6, 34, 60, 86, 112, 138])
    expect(alignmentPositions(40)).toEqual([6, 30, 58, 86, 114, 142, 170])
  })

  it('Reed–Solomon codewords of the worked example "HELLO WORLD", version 1-M', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
    expect(errorCorrectionCodewords(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
  })

  it('UTF-8 bytes for Chinese text and characters outside the BMP', () => {
    expect(utf8Bytes('A签')).toEqual([0x41, 0xe7, 0xad, 0xbe])
    expect(utf8Bytes('😀')).toEqual([0xf0, 0x9f, 0x98, 0x80])
  })
})

describe('QR encoder: whole symbols equal those of an independent encoder (libqrencode)', () => {
  for (const reference of [QRENCODE_V1, QRENCODE_V7]) {
    it(`"${reference.text.slice(0, 24)}…" — ${reference.rows.length}×${reference.rows.length}`, () => {
      const format = readFormatBits(reference.rows)
      expect(readFormatBitsCopy(reference.rows)).toBe(format)
      const unmasked = format ^ 0x5412
      expect(unmasked >> 13, 'level M').toBe(0b00)
      const mask = (unmasked >> 10) & 0b111

      const symbol = encodeQr(reference.text, { mask })
      expect(symbol.size).toBe(reference.rows.length)
      expect(symbol.version).toBe((reference.rows.length - 17) / 4)
      expect(toRows(symbol.modules)).toEqual(reference.rows)
    })
  }

  it('chooses the mask with the lowest penalty, and draws that mask’s format bits', () => {
    const chosen = encodeQr(QRENCODE_V1.text)
    const scores = [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => penaltyScore(encodeQr(QRENCODE_V1.text, { mask }).modules))
    expect(scores[chosen.mask]).toBe(Math.min(...scores))
    const rows = toRows(chosen.modules)
    expect(readFormatBits(rows)).toBe(formatBits(chosen.mask))
    expect(readFormatBitsCopy(rows)).toBe(formatBits(chosen.mask))
  })

  it('picks the smallest version that holds the text, and refuses text that no version holds', () => {
    expect(encodeQr('A'.repeat(14)).version).toBe(1)
    expect(encodeQr('A'.repeat(15)).version).toBe(2)
    expect(encodeQr('A'.repeat(2331)).version).toBe(40)
    expect(() => encodeQr('A'.repeat(2332))).toThrow(QrTooLongError)
  })
})
