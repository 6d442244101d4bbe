import { api } from './instance'

// For the few calls that cannot go through the API client (file uploads and downloads by Taro.uploadFile and
// Taro.downloadFile): the bearer token, a refresh when it has expired, and the server's answer read as JSON.

export function authHeader(): Record<string, string> {
  const token = api.session?.accessToken
  return token ? { Authorization: `Bearer ${token}` } : {}
}

/** An expired access token: let the API client refresh it (any call does), then say whether to try once more. */
export async function renewed(): Promise<boolean> {
  const before = api.session?.accessToken
  await api.get('/me').catch(() => undefined)
  return Boolean(api.session && api.session.accessToken !== before)
}

/** An upload's answer body (WeChat gives it as text): its JSON, or null when it is not JSON. */
export function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return data ?? null
  try {
    return JSON.parse(data) as unknown
  } catch {
    return null
  }
}
