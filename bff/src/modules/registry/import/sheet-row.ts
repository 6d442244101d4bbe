/** One row of a spreadsheet as text, numbered as the spreadsheet shows it (the header is row 1 in a usual file). */
export interface SheetRow {
  row: number
  cells: string[]
}

export function isEmptyRow(row: SheetRow): boolean {
  return row.cells.every((cell) => cell.trim() === '')
}
