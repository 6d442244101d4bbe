import { ERRORS } from '@veterans/shared'

/**
 * What is wrong with a 4xx answer by the contract (API.md, Conventions), or null: the body is
 * `{ error: { code, message, details } }`, the code is one of shared/src/errors.ts and travels with its own status,
 * and a 400 is VALIDATION_FAILED naming the fields.
 */
export function errorBodyProblem(status: number, body: string): string | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return `${status} body is not JSON: ${body.slice(0, 120)}`
  }
  const error = (parsed as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error
  if (!error || typeof error !== 'object') return `${status} body has no error object: ${body.slice(0, 120)}`
  const { code, message, details } = error
  if (typeof code !== 'string' || !(code in ERRORS)) return `${status} with unknown code ${String(code)}`
  if (ERRORS[code as keyof typeof ERRORS].status !== status)
    return `${status} with code ${code}, which is a ${ERRORS[code as keyof typeof ERRORS].status}`
  if (typeof message !== 'string' || message.length === 0) return `${status} ${code} without a message`
  if (!details || typeof details !== 'object' || Array.isArray(details)) return `${status} ${code} without details`
  if (status === 400) {
    const fields = (details as { fields?: unknown }).fields
    const named =
      Array.isArray(fields) &&
      fields.length > 0 &&
      fields.every(
        (f: { path?: unknown; message?: unknown }) => typeof f?.path === 'string' && typeof f.message === 'string'
      )
    if (!named) return `400 ${code} without details.fields [{ path, message }]: ${body.slice(0, 160)}`
  }
  return null
}
