import { IMPORT_FIELDS, type ImportField, type ImportPreview } from '@veterans/shared'
import { FIELD_LABELS, REQUIRED_IMPORT_FIELDS } from './labels'

/** Column header → the field it fills, or '' (不导入). */
export type ColumnMapping = Record<string, ImportField | ''>

/** Every column of the file, with the server's suggestion where it recognised the header. */
export function initialMapping(preview: Pick<ImportPreview, 'headers' | 'suggestedMapping'>): ColumnMapping {
  const mapping: ColumnMapping = {}
  for (const header of preview.headers) mapping[header] = preview.suggestedMapping[header] ?? ''
  return mapping
}

/** The choices for one column: 不导入 and every field. */
export const FIELD_CHOICES: ReadonlyArray<{ value: ImportField | ''; label: string }> = [
  { value: '', label: '不导入' },
  ...IMPORT_FIELDS.map((field) => ({ value: field, label: FIELD_LABELS[field] }))
]

/**
 * What is wrong with a mapping, in words: a field that two columns fill (the server could not know which to take),
 * or a field every record needs that no column fills.
 */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const columnsOf = new Map<ImportField, string[]>()
  for (const [header, field] of Object.entries(mapping)) {
    if (field) columnsOf.set(field, [...(columnsOf.get(field) ?? []), header])
  }
  const problems: string[] = []
  for (const [field, headers] of columnsOf) {
    if (headers.length > 1)
      problems.push(`“${FIELD_LABELS[field]}”对应了 ${headers.map((h) => `“${h}”`).join('、')} 几列，请只留一列`)
  }
  const missing = REQUIRED_IMPORT_FIELDS.filter((field) => !columnsOf.has(field))
  if (missing.length > 0)
    problems.push(`还没有列对应 ${missing.map((f) => `“${FIELD_LABELS[f]}”`).join('、')}，请在下表中选择`)
  return problems
}

/** The mapping as the server takes it: only the columns that are imported. */
export function mappingBody(mapping: ColumnMapping): Record<string, ImportField> {
  const body: Record<string, ImportField> = {}
  for (const [header, field] of Object.entries(mapping)) if (field) body[header] = field
  return body
}
