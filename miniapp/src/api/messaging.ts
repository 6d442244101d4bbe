import Taro from '@tarojs/taro'
import type {
  CreateThreadBody,
  MarkReadBody,
  Message,
  MessagePage,
  MessageQuery,
  PostMessageBody,
  Thread,
  ThreadPage,
  ThreadQuery,
  ThreadRating,
  Upload
} from '@veterans/shared'
import { errorFromResponse, networkError } from './errors'
import { api } from './instance'
import { authHeader, parseJson, renewed } from './outside-client'

const id = (value: string) => encodeURIComponent(value)
const API_BASE = process.env.TARO_APP_API_BASE || '/api/v1'

/**
 * Typed calls of the Messaging part of the contract for residents (veterans, families, unbound residents): their
 * written questions (threads), the messages in them, and photos. Posting carries an Idempotency-Key: the caller
 * keeps one key per message while the person retries it, so a lost answer never sends the message twice.
 */
export const messagingApi = {
  /** `idempotencyKey`: one per question being asked, kept while the person retries it. */
  startThread: (body: CreateThreadBody, idempotencyKey: string) =>
    api.post<Thread>('/threads', { body, idempotencyKey }),
  threads: (query: ThreadQuery = {}) => api.get<ThreadPage>('/threads', { query }),
  thread: (threadId: string) => api.get<Thread>(`/threads/${id(threadId)}`),
  /** Messages by seq; `afterSeq` catches up from what is already shown. */
  messages: (threadId: string, query: MessageQuery = {}) =>
    api.get<MessagePage>(`/threads/${id(threadId)}/messages`, { query }),
  post: (threadId: string, body: PostMessageBody, idempotencyKey: string) =>
    api.post<Message>(`/threads/${id(threadId)}/messages`, { body, idempotencyKey }),
  markRead: (threadId: string, body: MarkReadBody) => api.post<void>(`/threads/${id(threadId)}/read`, { body }),
  rate: (threadId: string, score: number) =>
    api.post<ThreadRating>(`/threads/${id(threadId)}/rating`, { body: { score } }),
  uploadPhoto,
  photoFile
}

/**
 * An absolute address for a path the server gives (`/api/v1/uploads/…`): the browser resolves it against the page;
 * WeChat needs the API host in front.
 */
export function serverUrl(path: string, apiBase: string = API_BASE): string {
  if (/^https?:\/\//.test(path)) return path
  const origin = /^https?:\/\/[^/]+/.exec(apiBase)?.[0] ?? ''
  return origin + path
}

/**
 * Uploads one photo the person chose (a temp file path from Taro.chooseImage) with Taro.uploadFile: multipart, with
 * the bearer token. Refusals (415 not a JPEG/PNG, 413 too large) come back as ApiError with the server's message.
 */
async function uploadPhoto(filePath: string, retried = false): Promise<Upload> {
  let result: Taro.uploadFile.SuccessCallbackResult
  try {
    result = await Taro.uploadFile({
      url: `${API_BASE}/uploads`,
      filePath,
      name: 'file',
      header: authHeader(),
      timeout: 60_000
    })
  } catch (error) {
    const detail = String((error as { errMsg?: string })?.errMsg ?? '')
    throw networkError(/timeout/i.test(detail) ? 'timeout' : 'offline')
  }
  const body = parseJson(result.data)
  if (result.statusCode === 201 || result.statusCode === 200) return body as Upload
  if (result.statusCode === 401 && !retried && (await renewed())) return uploadPhoto(filePath, true)
  throw errorFromResponse(result.statusCode, body)
}

/**
 * A photo of a message as a local file to show or preview: GET with the bearer token (an <img> cannot send it).
 * Taro.downloadFile gives a temp file on WeChat and a blob: URL in the browser.
 */
async function photoFile(url: string, retried = false): Promise<string> {
  let result: Taro.downloadFile.FileSuccessCallbackResult
  try {
    result = await Taro.downloadFile({ url: serverUrl(url), header: authHeader() })
  } catch {
    throw networkError('offline')
  }
  if (result.statusCode === 200) return result.tempFilePath
  if (result.statusCode === 401 && !retried && (await renewed())) return photoFile(url, true)
  throw errorFromResponse(result.statusCode, null)
}
