import { fieldError } from './app-error'

/**
 * The multipart parser (busboy) fails a body that ends early or has a broken part header with a plain Error: no
 * status, no code. That is the sender's mistake, not ours: 400 naming the body. Anything else — a limit (it has a
 * status), a disk error (it has a code), a bug (a TypeError …) — is passed on as it is.
 */
export function multipartReadError(error: unknown): unknown {
  const plain = error instanceof Error && error.constructor === Error && !('code' in error) && !('statusCode' in error)
  return plain ? fieldError('body', '上传的内容不完整或格式不正确，请重新上传') : error
}
