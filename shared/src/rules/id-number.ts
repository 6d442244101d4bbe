/**
 * Resident ID numbers (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence (odd = male),
 * and a check character computed with ISO 7064 MOD 11-2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

export type Sex = 'male' | 'female'

export interface IdNumberInfo {
  areaCode: string
  birthDate: string // YYYY-MM-DD
  sex: Sex
}

/** Upper-cases a trailing x and strips spaces people type in. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}

export function idNumberCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Returns what the ID number encodes, or null if it is not a valid 18-digit ID number. */
export function parseIdNumber(raw: string, today: Date = new Date()): IdNumberInfo | null {
  const id = normalizeIdNumber(raw)
  if (!/^\d{17}[\dX]$/.test(id)) return null
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return null
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  if (year < 1900 || !isRealDate(year, month, day)) return null
  const birth = new Date(Date.UTC(year, month - 1, day))
  if (birth.getTime() > today.getTime()) return null
  return {
    areaCode: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female'
  }
}

export function isValidIdNumber(raw: string): boolean {
  return parseIdNumber(raw) !== null
}
