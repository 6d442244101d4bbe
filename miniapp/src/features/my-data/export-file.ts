import type { MyDataExport } from '@veterans/shared'
import { describeExport, exportAsText, exportFileNames, type ReadableExport } from './export-document'

// The export's files and the browser's way to keep one; apart from save-export.ts so that it needs no Taro.

/** One file of the export: its name and its text. */
export interface ExportFile {
  name: string
  text: string
  mime: 'text/plain' | 'application/json'
}

/**
 * A byte-order mark first: older Windows Notepad and some phone viewers otherwise take UTF-8 Chinese for another
 * encoding and show it garbled. JSON readers ignore or strip it, so only the readable file gets it.
 */
export function fileContent(file: ExportFile): string {
  return file.mime === 'text/plain' ? `\uFEFF${file.text}` : file.text
}

/** An export as the page shows it, and the two files to keep: readable text, and JSON for machines. */
export interface PreparedExport {
  readable: ReadableExport
  files: { text: ExportFile; json: ExportFile }
}

export function prepareExport(data: MyDataExport, districts: Record<string, string>): PreparedExport {
  const readable = describeExport(data, { districts })
  const names = exportFileNames(data.exportedAt)
  return {
    readable,
    files: {
      text: { name: names.text, text: exportAsText(readable), mime: 'text/plain' },
      json: { name: names.json, text: JSON.stringify(data, null, 2), mime: 'application/json' }
    }
  }
}

/** The browser: a download of the file (a Blob behind an <a download>), saved where the browser keeps downloads. */
export function downloadInBrowser(file: ExportFile, doc: Document = document): void {
  const blob = new Blob([fileContent(file)], { type: `${file.mime};charset=utf-8` })
  const url = URL.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = url
  link.download = file.name
  link.rel = 'noopener'
  link.style.display = 'none'
  doc.body.appendChild(link)
  link.click()
  link.remove()
  // Some browsers read the Blob only after the click has returned: let it go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
