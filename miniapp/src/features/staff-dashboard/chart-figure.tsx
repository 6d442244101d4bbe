import { View } from '@tarojs/components'
import { a11y, Card, Paragraph } from '../../components'
import { ChartCanvas } from './chart-canvas'
import type { ChartData } from './figures'

/**
 * A chart in its card: the drawing as an image whose accessible name is the summary in words, and the same figures
 * as a table that only screen readers meet (visually hidden), so nobody needs the picture.
 */
export function ChartFigure({ data }: { data: ChartData }) {
  const empty = data.rows.length === 0 || data.rows.every((row) => row.count === 0)
  return (
    <Card title={data.title}>
      {empty ? (
        <Paragraph muted>这段时间没有数据。</Paragraph>
      ) : (
        <View className='chart' {...a11y('img', data.summary)}>
          <ChartCanvas data={data} />
        </View>
      )}
      {process.env.TARO_ENV === 'h5' && !empty && (
        <table className='dash-sr-only'>
          <caption>{data.title}</caption>
          <thead>
            <tr>
              <th scope='col'>{data.columns[0]}</th>
              <th scope='col'>{data.columns[1]}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.label}>
                <th scope='row'>{row.label}</th>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  )
}
