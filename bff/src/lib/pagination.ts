import { AppError } from './app-error'

/** Cursors are opaque to clients: base64url of the last seen sort key. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null
  const key = Buffer.from(cursor, 'base64url').toString('utf8')
  if (!key || key.length > 200) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'querystring.cursor', message: '分页参数无效' }] })
  }
  return key
}

/** Given limit+1 rows, returns the page and the cursor for the next one. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string) {
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null }
}
