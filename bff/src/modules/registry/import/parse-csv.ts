import { createReadStream } from 'node:fs'
import { parse } from 'csv-parse'
import iconv from 'iconv-lite'
import type { TextEncoding } from './encoding'
import type { SheetRow } from './sheet-row'

/**
 * The rows of a CSV file, streamed: decoded from its encoding (a UTF-8 BOM is dropped) and parsed by csv-parse.
 * Empty lines are kept as empty rows, so row numbers match what a spreadsheet program shows.
 */
export async function* csvRows(filePath: string, encoding: TextEncoding): AsyncGenerator<SheetRow> {
  const source = createReadStream(filePath)
  const parser = source
    .pipe(iconv.decodeStream(encoding))
    .pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: false }))
  let row = 0
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1
      yield { row, cells: record }
    }
  } finally {
    source.destroy()
  }
}
