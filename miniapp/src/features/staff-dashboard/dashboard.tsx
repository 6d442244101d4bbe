import type { Me } from '@veterans/shared'
import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { staffStatsApi, useAction } from '../../api'
import { a11y, ActionButton, Card, DateField, KeyValues, Notice, Paragraph, SelectField } from '../../components'
import { ChipGroup } from '../policies/chip-group'
import { ChartFigure } from './chart-figure'
import { dashboardCharts, figureTiles } from './figures'
import { PERIOD_CHOICES, periodText } from './periods'
import { useDashboard } from './use-dashboard'
import './staff-dashboard.css'

/**
 * 数据统计: the figures of a period for one center or the whole city — tiles, then charts (each with its summary in
 * words). At a desk the period and center sit in a column beside the charts; on a phone above them.
 */
export function Dashboard({ me }: { me: Me }) {
  const dash = useDashboard(me)
  const stats = dash.stats.data
  const charts = useMemo(() => (stats ? dashboardCharts(stats) : []), [stats])
  const download = useAction(() =>
    staffStatsApi.downloadCsv(dash.query, `数据统计_${dash.period.from}_${dash.period.to}.csv`)
  )

  const filters = (
    <View className='dash__filters'>
      <Card title='统计范围'>
        <ChipGroup label='时间段' options={PERIOD_CHOICES} value={dash.kind} onChange={dash.setKind} />
        {dash.kind === 'custom' && (
          <>
            <DateField
              label='开始日期'
              value={dash.custom.from}
              onChange={(from) => dash.setCustom({ ...dash.custom, from })}
            />
            <DateField
              label='结束日期'
              value={dash.custom.to}
              onChange={(to) => dash.setCustom({ ...dash.custom, to })}
              error={dash.problem ?? undefined}
            />
          </>
        )}
        {dash.canPick ? (
          <SelectField
            label='服务中心'
            options={dash.centerOptions}
            value={dash.centerValue}
            onChange={dash.pickCenter}
          />
        ) : (
          <KeyValues rows={[['服务中心', dash.centerName || '…']]} />
        )}
      </Card>
      <Card title='下载'>
        {process.env.TARO_ENV === 'h5' ? (
          <>
            <ActionButton
              variant='secondary'
              busy={download.pending}
              busyText='正在下载…'
              disabled={!stats}
              onClick={() => void download.run()}
            >
              下载统计表（CSV）
            </ActionButton>
            {download.error && <Notice tone='error'>没能下载：{download.error.message}</Notice>}
          </>
        ) : (
          <Paragraph muted small>
            统计表（CSV）请在电脑上打开工作台下载。
          </Paragraph>
        )}
      </Card>
    </View>
  )

  return (
    <View className='dash'>
      {filters}
      <View className='dash__content' {...a11y('region', '统计结果')}>
        <Paragraph strong>
          {dash.centerName || '…'} · {periodText(dash.period)}
        </Paragraph>
        {dash.problem && <Notice tone='error'>{dash.problem}</Notice>}
        {dash.stats.loading && !stats && <Paragraph muted>正在统计…</Paragraph>}
        {dash.stats.error && (
          <>
            <Notice tone='error'>没能读取统计数据：{dash.stats.error.message}</Notice>
            <ActionButton variant='secondary' onClick={() => void dash.stats.reload()}>
              重试
            </ActionButton>
          </>
        )}
        {stats && (
          <>
            <View className='dash__tiles'>
              {figureTiles(stats).map((tile) => (
                <View className='dash-tile' key={tile.label}>
                  <View className='dash-tile__label'>{tile.label}</View>
                  <View className='dash-tile__value'>{tile.value}</View>
                  {tile.hint && <View className='dash-tile__hint'>{tile.hint}</View>}
                </View>
              ))}
            </View>
            <View className='dash__charts'>
              {charts.map((chart) => (
                <View
                  key={chart.title}
                  className={chart.kind === 'line' ? 'dash__chart dash__chart--wide' : 'dash__chart'}
                >
                  <ChartFigure data={chart} />
                </View>
              ))}
            </View>
          </>
        )}
      </View>
    </View>
  )
}
