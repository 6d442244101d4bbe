import type { LightMyRequestResponse } from 'fastify'
import iconv from 'iconv-lite'
import { idNumberCheckChar } from '@veterans/shared'
import type { Session } from '../src/testing/index'

/** A valid ID number from its first 17 digits. */
export const withCheck = (first17: string) => first17 + idNumberCheckChar(first17)

/** The n-th (0 ≤ n < 50,000) made-up ID number of a district: born 1950–1999, a valid checksum, all different. */
export function idNumberOf(district: string, n: number): string {
  const year = 1950 + Math.floor(n / 1000)
  const month = String(1 + (n % 12)).padStart(2, '0')
  const day = String(10 + (n % 19))
  return withCheck(district + year + month + day + String(n % 1000).padStart(3, '0'))
}

/** A multipart/form-data body with one file and optional text fields, as a browser sends it. */
export function multipart(file: Buffer, fileName: string, fields: Record<string, string> = {}) {
  const boundary = '----registry-test-' + Math.random().toString(16).slice(2)
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n'
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`)
  )
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

export const HEADER = '姓名,身份证号,性别,出生日期,所属区,类别,入伍时间,退伍时间,手机,伤残等级,状态,服役单位,备注'

/** A row with only what a record needs (name, ID number, district, category), the other columns empty. */
export function minimalRow(name: string, idNumber: string, district: string): string[] {
  return [name, idNumber, '', '', district, '退役士兵', '', '', '', '', '', '', '']
}

/** CSV text of rows (arrays of cells), header first. */
export function csvText(rows: (string | number)[][], header = HEADER): string {
  return [header, ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n'
}

export const utf8 = (text: string, bom = false) => Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8')
export const gbk = (text: string) => iconv.encode(text, 'gbk')

export async function startImport(session: Session, file: Buffer, fileName: string, dryRun = false, fields = {}) {
  const body = multipart(file, fileName, fields)
  return session.request({
    method: 'POST',
    url: `/api/v1/staff/veterans/import?dryRun=${dryRun}`,
    payload: body.payload,
    headers: body.headers
  })
}

export async function preview(session: Session, file: Buffer, fileName: string): Promise<LightMyRequestResponse> {
  const body = multipart(file, fileName)
  return session.request({
    method: 'POST',
    url: '/api/v1/staff/veterans/import/preview',
    payload: body.payload,
    headers: body.headers
  })
}

/** Polls a job until it ends (or the time runs out). */
export async function waitForJob(session: Session, jobId: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs
  for (;;) {
    const response = await session.request({ method: 'GET', url: `/api/v1/staff/imports/${jobId}` })
    const job = response.json()
    if (response.statusCode !== 200) throw new Error(`job ${jobId}: ${response.statusCode} ${response.body}`)
    if (job.status !== 'running') return job
    if (Date.now() > until) throw new Error(`job ${jobId} still running: ${response.body}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export async function searchTotal(session: Session, query: string): Promise<number> {
  const response = await session.request({ method: 'GET', url: `/api/v1/staff/veterans?${query}` })
  if (response.statusCode !== 200) throw new Error(response.body)
  return response.json().total
}
