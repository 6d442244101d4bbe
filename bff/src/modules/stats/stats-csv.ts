import { VETERAN_CATEGORIES, type Stats } from '@veterans/shared'
import { csvDocument, csvLine } from './csv'

const percent = (rate: number | null) => (rate === null ? '' : `${(rate * 100).toFixed(1)}%`)

/** The dashboard's figures as one CSV: a summary, then one section per table, separated by a blank line. */
export function statsCsv(stats: Stats): string {
  const { period, bookings, messages, notices, veterans } = stats
  const section = (title: string, header: string[], rows: (string | number | null)[][]) => [
    '\r\n',
    csvLine([title]),
    csvLine(header),
    ...rows.map(csvLine)
  ]
  return csvDocument([
    csvLine(['统计期间', `${period.from} 至 ${period.to}`]),
    csvLine(['服务中心', period.centerName]),
    ...section(
      '概况',
      ['指标', '数值'],
      [
        ['预约总数', bookings.total],
        ['爽约率', percent(bookings.noShowRate)],
        ['平均评分', bookings.avgRating],
        ['咨询数', messages.threads],
        ['首次回复用时中位数（工作分钟）', messages.firstResponseMinutesP50],
        ['首次回复用时 90% 分位（工作分钟）', messages.firstResponseMinutesP90],
        ['超时未回复次数', messages.slaBreaches],
        ['发送通知数', notices.sent],
        ['通知阅读率', percent(notices.readRate)],
        ['在册退役军人', veterans.total]
      ]
    ),
    ...section(
      '每日预约',
      ['日期', '预约数'],
      bookings.byDay.map((d) => [d.date, d.count])
    ),
    ...section(
      '各项服务预约',
      ['服务', '预约数'],
      bookings.byService.map((s) => [s.name, s.count])
    ),
    ...section(
      '评分分布',
      ['评分', '条数'],
      bookings.ratingDistribution.map((r) => [`${r.score} 星`, r.count])
    ),
    ...section(
      '各区退役军人',
      ['区县', '人数'],
      veterans.byDistrict.map((d) => [d.name, d.count])
    ),
    ...section(
      '各类别退役军人',
      ['类别', '人数'],
      veterans.byCategory.map((c) => [VETERAN_CATEGORIES[c.category], c.count])
    )
  ])
}
