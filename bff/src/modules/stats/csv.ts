// CSV as Excel on Chinese Windows opens it: UTF-8 with a byte-order mark, CRLF line ends, quotes where needed.

const BOM = '\uFEFF'

/**
 * One field. Text that a spreadsheet would run as a formula (= + - @ and tab/CR first) gets a leading apostrophe,
 * so a name typed into the platform cannot become a formula in someone's Excel. Numbers stay numbers.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export function csvLine(fields: (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',') + '\r\n'
}

/** A whole CSV document from its lines (each from csvLine). */
export function csvDocument(lines: string[]): string {
  return BOM + lines.join('')
}

/** The Content-Disposition of a download, with the file name readable in Chinese (RFC 6266 filename*). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replaceAll('"', '')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}
