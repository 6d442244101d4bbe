import { View } from '@tarojs/components'
import { Card, KeyValues, Paragraph } from '../../components'
import type { ReadableExport } from './export-document'

/** A long section shows its latest part on the page; the saved files hold every record. */
const SHOWN_PER_SECTION = 20

/** The export shown readably, section by section, in Chinese and Beijing time (the files hold the same). */
export function ExportView({ readable }: { readable: ReadableExport }) {
  return (
    <>
      <Paragraph muted>导出时间：{readable.exportedAt}（北京时间）</Paragraph>
      {readable.sections.map((section, index) => {
        const shown = section.items.slice(-SHOWN_PER_SECTION)
        const hidden = section.items.length - shown.length
        return (
          <Card key={`${index}-${section.title}`} title={section.title}>
            <Paragraph muted={section.items.length > 0}>{section.summary}</Paragraph>
            {hidden > 0 && <Paragraph muted>这里显示最近 {shown.length} 条，保存的文件里有全部记录。</Paragraph>}
            {shown.map((item, i) => (
              <View className='list__item' key={i}>
                {item.heading && <Paragraph strong>{item.heading}</Paragraph>}
                {item.rows.length > 0 && <KeyValues rows={item.rows} />}
              </View>
            ))}
          </Card>
        )
      })}
    </>
  )
}
