import type { ImportField, ImportPreview } from '@veterans/shared'
import { Text, View } from '@tarojs/components'
import { Card, Paragraph, SelectField } from '../../components'
import { FIELD_CHOICES, type ColumnMapping } from './import-mapping'

/** The first values of a column, as examples beside its mapping. */
const samplesOf = (preview: ImportPreview, index: number) =>
  preview.rows
    .map((row) => row[index] ?? '')
    .filter((value) => value !== '')
    .slice(0, 3)

/**
 * Which field each column of the file fills: a table of column → examples → field, the server's suggestion chosen
 * for the headers it recognised. Any column can be changed or left out (不导入).
 */
export function MappingTable({
  preview,
  mapping,
  onChange
}: {
  preview: ImportPreview
  mapping: ColumnMapping
  onChange: (header: string, field: ImportField | '') => void
}) {
  if (process.env.TARO_ENV !== 'h5') {
    return (
      <Card title='列与字段的对应'>
        {preview.headers.map((header, index) => (
          <View key={header} className='registry-mapping__item'>
            <SelectField
              label={`“${header}”列`}
              hint={`例：${samplesOf(preview, index).join('，') || '（前几行是空的）'}`}
              options={FIELD_CHOICES}
              value={mapping[header] ?? ''}
              onChange={(field) => onChange(header, field)}
            />
          </View>
        ))}
      </Card>
    )
  }
  return (
    <Card title='列与字段的对应'>
      <Paragraph muted small>
        系统已按列名猜了对应的字段，请核对；用不到的列选“不导入”。
      </Paragraph>
      <table className='registry-table registry-mapping'>
        <caption className='visually-hidden'>文件的每一列导入到哪个字段</caption>
        <thead>
          <tr>
            <th scope='col'>文件中的列</th>
            <th scope='col'>前几行的内容</th>
            <th scope='col'>导入为</th>
          </tr>
        </thead>
        <tbody>
          {preview.headers.map((header, index) => (
            <tr key={header} className={mapping[header] ? undefined : 'registry-mapping__row--skipped'}>
              <th scope='row'>{header}</th>
              <td>{samplesOf(preview, index).join('，') || '—'}</td>
              <td>
                <label className='visually-hidden' htmlFor={`mapping-${index}`}>
                  “{header}”列导入为
                </label>
                <select
                  id={`mapping-${index}`}
                  className='field__input registry-mapping__select'
                  value={mapping[header] ?? ''}
                  onChange={(event) => onChange(header, event.target.value as ImportField | '')}
                >
                  {FIELD_CHOICES.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}

/** The first rows of the file as they were read (to see that the encoding and columns came out right). */
export function PreviewRows({ preview }: { preview: ImportPreview }) {
  const kind = preview.format === 'csv' ? `CSV，${preview.encoding.toUpperCase()} 编码` : 'XLSX'
  if (process.env.TARO_ENV !== 'h5') {
    return (
      <Card title={`文件的前 ${preview.rows.length} 行（${kind}）`}>
        {preview.rows.map((row, r) => (
          <Text key={r} className='registry-card__line'>
            {row.join(' | ')}
          </Text>
        ))}
      </Card>
    )
  }
  return (
    <Card title={`文件的前 ${preview.rows.length} 行（${kind}）`}>
      <Paragraph muted small>
        如果这里的中文是乱码，或列没有分开，说明文件没有读对：请用 Excel 或 WPS 另存为“CSV UTF-8”或 XLSX 再试。
      </Paragraph>
      <div className='registry-scroll' tabIndex={0} role='region' aria-label='文件的前几行'>
        <table className='registry-table'>
          <thead>
            <tr>
              {preview.headers.map((header) => (
                <th key={header} scope='col'>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                {preview.headers.map((header, c) => (
                  <td key={header}>{row[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  )
}
