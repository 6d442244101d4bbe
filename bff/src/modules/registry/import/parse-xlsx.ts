import ExcelJS from 'exceljs'
import type { SheetRow } from './sheet-row'

/**
 * The rows of the first worksheet of an XLSX file, streamed with exceljs' WorkbookReader (the whole workbook is
 * never held in memory). A formula gives the value Excel saved with it; dates become YYYY-MM-DD. The cells a merge
 * covers (all but its top-left one) are empty in the file, so a row relying on them reports the missing value.
 */
export async function* xlsxRows(filePath: string): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore'
  })
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = Array.isArray(row.values) ? row.values : []
      // row.values is 1-based: index 0 is always empty.
      yield { row: row.number, cells: values.slice(1).map((value) => cellText(value)) }
    }
    return
  }
}

/** A cell's value as the text a person sees. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('result' in value) return cellText(value.result)
  if ('formula' in value || 'sharedFormula' in value) return ''
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('text' in value) return String(value.text)
  if ('error' in value) return ''
  return ''
}
