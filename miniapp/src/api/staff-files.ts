import Taro from '@tarojs/taro'
import type { Query } from './client'
import { errorFromResponse, networkError } from './errors'
import { api } from './instance'
import { renewed } from './outside-client'

const API_BASE = process.env.TARO_APP_API_BASE || '/api/v1'

function queryString(query: Query): string {
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return parts.length > 0 ? `?${parts.join('&')}` : ''
}

/**
 * A file the server makes for staff (a CSV export), fetched with the bearer token and saved where the browser keeps
 * downloads. In the browser Taro.downloadFile gives a blob: address that an <a download> saves under `fileName`. On
 * WeChat files cannot be handed to the person this way: the pages say the download is on the desk.
 */
export async function downloadStaffFile(path: string, query: Query, fileName: string, retried = false): Promise<void> {
  const token = api.session?.accessToken
  let result: Taro.downloadFile.FileSuccessCallbackResult
  try {
    result = await Taro.downloadFile({
      url: `${API_BASE}${path}${queryString(query)}`,
      header: token ? { Authorization: `Bearer ${token}` } : {}
    })
  } catch {
    throw networkError('offline')
  }
  if (result.statusCode === 401 && !retried && (await renewed())) return downloadStaffFile(path, query, fileName, true)
  if (result.statusCode !== 200) throw errorFromResponse(result.statusCode, await errorBody(result.tempFilePath))
  if (process.env.TARO_ENV !== 'h5') return
  const link = document.createElement('a')
  link.href = result.tempFilePath
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(result.tempFilePath), 60_000)
}

/** The server's error answer (JSON) behind a refused download, so the person reads its Chinese message. */
async function errorBody(file: string): Promise<unknown> {
  if (process.env.TARO_ENV !== 'h5') return null
  try {
    return (await (await fetch(file)).json()) as unknown
  } catch {
    return null
  }
}
