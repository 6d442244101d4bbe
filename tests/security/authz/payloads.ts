import { crc32, deflateSync } from 'node:zlib'

// Bodies that are more than a line of JSON: a photo, a spreadsheet, a policy draft.

/** A 1×1 PNG, built byte by byte. */
export function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]) // 1×1, 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 200, 80, 40]))),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/** A multipart/form-data body with one file, as a browser sends it. */
export function multipart(file: Buffer, fileName: string, contentType: string) {
  const boundary = `----authz-${Math.random().toString(16).slice(2)}`
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `Content-Type: ${contentType}\r\n\r\n`
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`)
  ])
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

export const photoUpload = () => multipart(tinyPng(), 'photo.png', 'image/png')

/** A registry spreadsheet of one row, as CSV. */
export function registryCsv(idNumber: string) {
  const csv = `name,idNumber,districtCode,category\n测试导入,${idNumber},419902,soldier\n`
  return multipart(Buffer.from(csv, 'utf8'), 'veterans.csv', 'text/csv')
}

/** What staff type to draft a policy (n keeps titles and document numbers apart). */
export function policyInput(n: number) {
  return {
    title: `授权矩阵测试政策${n}`,
    docNumber: `M测〔2026〕${n}号`,
    issuer: 'M市退役军人事务局',
    level: 'city',
    category: 'other',
    summary: '测试用政策摘要。',
    body: '测试用政策正文。',
    effectiveFrom: '2026-01-01'
  }
}
