import Taro from '@tarojs/taro'
import type {
  CreateVeteranBody,
  ImportAccepted,
  ImportField,
  ImportJob,
  ImportPreview,
  RegistryExportQuery,
  UpdateVeteranBody,
  Veteran,
  VeteranDetail,
  VeteranPage,
  VeteranPii,
  VeteranQuery
} from '@veterans/shared'
import { errorFromResponse, networkError } from './errors'
import { api } from './instance'
import { authHeader, parseJson, renewed } from './outside-client'

const API_BASE = process.env.TARO_APP_API_BASE || '/api/v1'
const veteranPath = (id: string) => `/staff/veterans/${encodeURIComponent(id)}`

/** A file the person chose to import: a temp path on WeChat, a blob: URL in the browser, and its own name. */
export interface ChosenFile {
  path: string
  name: string
  size: number
}

function queryString(query: Record<string, string | number | boolean | undefined>): string {
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return parts.length > 0 ? `?${parts.join('&')}` : ''
}

/**
 * Sends the chosen spreadsheet as multipart `file` (Taro.uploadFile: wx.uploadFile on WeChat, XHR + FormData in the
 * browser), with the bearer token. Refusals (422 IMPORT_FILE_INVALID, 413 TOO_LARGE) come back as ApiError.
 */
async function uploadSheet<T>(
  path: string,
  file: ChosenFile,
  formData: Record<string, string> = {},
  retried = false
): Promise<T> {
  let result: Taro.uploadFile.SuccessCallbackResult
  try {
    result = await Taro.uploadFile({
      url: `${API_BASE}${path}`,
      filePath: file.path,
      name: 'file',
      // Browser only: the file keeps its own name (the server reads .csv / .xlsx from it).
      fileName: file.name,
      formData,
      header: authHeader(),
      timeout: 120_000
    })
  } catch (error) {
    const detail = String((error as { errMsg?: string })?.errMsg ?? '')
    throw networkError(/timeout/i.test(detail) ? 'timeout' : 'offline')
  }
  const body = parseJson(result.data)
  if (result.statusCode >= 200 && result.statusCode < 300) return body as T
  if (result.statusCode === 401 && !retried && (await renewed())) return uploadSheet<T>(path, file, formData, true)
  throw errorFromResponse(result.statusCode, body)
}

/**
 * A file the server makes (export, import errors) fetched with the bearer token: a temp file on WeChat, a blob: URL
 * in the browser.
 */
async function downloadFile(path: string, retried = false): Promise<string> {
  let result: Taro.downloadFile.FileSuccessCallbackResult
  try {
    result = await Taro.downloadFile({ url: `${API_BASE}${path}`, header: authHeader() })
  } catch {
    throw networkError('offline')
  }
  if (result.statusCode === 200) return result.tempFilePath
  if (result.statusCode === 401 && !retried && (await renewed())) return downloadFile(path, true)
  throw errorFromResponse(result.statusCode, null)
}

/**
 * Typed calls of the registry (shared/openapi.json, tag "registry"): search, one record with what surrounds it,
 * create and change, the audited reveal of the unmasked ID number and phone, imports and exports.
 */
export const staffRegistryApi = {
  list: (query: VeteranQuery) => api.get<VeteranPage>('/staff/veterans', { query }),
  detail: (id: string) => api.get<VeteranDetail>(veteranPath(id)),
  /** `idempotencyKey`: one per new record being saved, kept while the person retries it. */
  create: (body: CreateVeteranBody, idempotencyKey: string) =>
    api.post<Veteran>('/staff/veterans', { body, idempotencyKey }),
  update: (id: string, body: UpdateVeteranBody) => api.patch<Veteran>(veteranPath(id), { body }),
  /** The unmasked ID number and phone, for `reason` (written to the audit log). */
  reveal: (id: string, reason: string) => api.get<VeteranPii>(`${veteranPath(id)}/pii`, { query: { reason } }),
  importPreview: (file: ChosenFile) => uploadSheet<ImportPreview>('/staff/veterans/import/preview', file),
  /** Starts an import (or a dry run that writes nothing); `mapping` is column header → field. */
  startImport: (file: ChosenFile, options: { dryRun: boolean; mapping: Record<string, ImportField> }) =>
    uploadSheet<ImportAccepted>(`/staff/veterans/import${queryString({ dryRun: options.dryRun })}`, file, {
      mapping: JSON.stringify(options.mapping)
    }),
  importJob: (jobId: string) => api.get<ImportJob>(`/staff/imports/${encodeURIComponent(jobId)}`),
  importErrorsFile: (jobId: string) => downloadFile(`/staff/imports/${encodeURIComponent(jobId)}/errors.csv`),
  exportFile: (query: RegistryExportQuery) => downloadFile(`/staff/veterans/export${queryString({ ...query })}`)
}
