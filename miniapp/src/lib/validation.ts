import { isValidMobile, normalizeIdNumber, parseIdNumber } from '@veterans/shared/rules'

/** Client-side checks that save a round trip; the server checks again. Each message says how to fix it. */

export function checkName(name: string): string | undefined {
  const trimmed = name.trim()
  if (!trimmed) return '请填写姓名'
  if (trimmed.length > 32) return '姓名太长了，请核对'
  return undefined
}

export function checkIdNumber(raw: string): string | undefined {
  const id = normalizeIdNumber(raw)
  if (!id) return '请填写身份证号码'
  if (id.length !== 18) return `身份证号码应为 18 位，您填了 ${id.length} 位，请核对`
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码前 17 位是数字，最后一位是数字或字母 X，请核对'
  if (!parseIdNumber(id)) return '身份证号码校验不通过，可能有一位填错了，请对照证件核对'
  return undefined
}

export function checkMobile(raw: string): string | undefined {
  const phone = raw.replace(/\s+/g, '')
  if (!phone) return '请填写手机号码'
  if (!isValidMobile(phone)) return '请填写 11 位手机号码，以 1 开头'
  return undefined
}

export function checkDisplayName(raw: string): string | undefined {
  const name = raw.trim()
  if (!name) return '请填写称呼'
  if (name.length > 32) return '称呼最多 32 个字'
  return undefined
}

/** Invite codes are 8 letters or digits; people may type spaces or lower case. */
export function normalizeInviteCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}

export function checkInviteCode(raw: string): string | undefined {
  const code = normalizeInviteCode(raw)
  if (!code) return '请填写家人给您的邀请码'
  if (!/^[A-Z0-9]{8}$/.test(code)) return '邀请码是 8 位字母或数字，请核对'
  return undefined
}

/** dev-WeChat sign-in names: 1–64 of A–Z a–z 0–9 _ - (the server's rule). */
export function checkDevName(raw: string): string | undefined {
  const name = raw.trim()
  if (!name) return '请填写一个名字'
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) return '只能用英文字母、数字、下划线或短横线，最多 64 个'
  return undefined
}
