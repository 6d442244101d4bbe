/** Masked forms shown wherever a full value is not needed: 110105********0123, 138****8000, 张*国. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length)
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4)
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length)
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4)
}

/** 张三 → 张*, 张建国 → 张*国, 欧阳建国 → 欧**国. Array.from keeps surrogate pairs whole. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return chars.join('')
  if (chars.length === 2) return chars[0] + '*'
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1]
}

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export function isValidMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone)
}
