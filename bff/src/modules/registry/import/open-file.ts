import { open } from 'node:fs/promises'
import { AppError } from '../../../lib/app-error'
import { detectEncoding, SAMPLE_BYTES, type TextEncoding } from './encoding'
import { csvRows } from './parse-csv'
import { xlsxRows } from './parse-xlsx'
import { isEmptyRow, type SheetRow } from './sheet-row'

export interface OpenedSheet {
  format: 'csv' | 'xlsx'
  /** The CSV's text encoding; XLSX files are UTF-8 inside. */
  encoding: TextEncoding
  rows: () => AsyncGenerator<SheetRow>
}

function invalid(message: string, details: Record<string, unknown> = {}) {
  return new AppError('IMPORT_FILE_INVALID', details, message)
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])

/** Decides what a file is from its bytes (not its name): XLSX (a zip), or a CSV in some encoding; else 422. */
export async function openSheet(filePath: string): Promise<OpenedSheet> {
  const handle = await open(filePath, 'r')
  let sample: Buffer
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0)
    sample = buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
  if (sample.length === 0) throw invalid('文件是空的，请选择有内容的表格文件')
  if (sample.subarray(0, 4).equals(ZIP)) return { format: 'xlsx', encoding: 'utf-8', rows: () => xlsxRows(filePath) }
  if (sample.subarray(0, 4).equals(OLE)) {
    throw invalid('这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后再上传')
  }
  const encoding = detectEncoding(sample)
  if (!encoding) throw invalid('文件不是表格（CSV 或 XLSX），请上传从表格软件导出的文件')
  return { format: 'csv', encoding, rows: () => csvRows(filePath, encoding) }
}

export interface SheetStart {
  header: SheetRow
  /** The first data rows (non-empty), up to the number asked for. */
  firstRows: SheetRow[]
}

/** The header (the first non-empty row) and the first data rows; 422 when the file has no header or no data. */
export async function readStart(sheet: OpenedSheet, dataRows: number): Promise<SheetStart> {
  let header: SheetRow | null = null
  const firstRows: SheetRow[] = []
  try {
    for await (const row of sheet.rows()) {
      if (isEmptyRow(row)) continue
      if (!header) header = { row: row.row, cells: row.cells.map((cell) => cell.trim()) }
      else firstRows.push(row)
      if (firstRows.length >= dataRows) break
    }
  } catch (error) {
    throw new AppError('IMPORT_FILE_INVALID', {}, '文件内容无法读取，请确认是从表格软件导出的 CSV 或 XLSX 文件', {
      cause: error
    })
  }
  if (!header) throw invalid('文件里没有内容，请选择有表头和数据的表格文件')
  if (firstRows.length === 0) throw invalid('文件只有表头，没有数据行')
  return { header, firstRows }
}
