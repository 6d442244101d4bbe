import { Axis, Chart, Interval, jsx, Line, Point } from '@antv/f2'
import type { ChartData } from './figures'

// The F2 drawing of one chart (written with F2's own el() so this file needs no JSX setup of its own). Kept in the
// staff subpackage: only the dashboard imports it, so WeChat's main package never carries the charting library.

const INK = '#1d1d1d'
const GRID = '#dedbd3'
const BAR = '#a4161a'
const LINE = '#1747a6'
const FONT = 13

const axisLabel = { fill: INK, fontSize: FONT }

/** F2's el() typed loosely: its component typings do not accept their own props generically. */
const el = (type: unknown, props: object, ...children: unknown[]) =>
  jsx(type as Parameters<typeof jsx>[0], props, ...children)

/** Height in CSS px that fits the chart's rows (bars lie across, one row per item). */
export function chartHeight(data: ChartData): number {
  if (data.kind === 'bars') return Math.max(120, 40 + data.rows.length * 30)
  return 240
}

/** The chart as F2 elements: a line over the days, columns for the ratings, bars across for named items. */
export function chartElement(data: ChartData) {
  const rows = data.rows.map((row) => ({ label: row.label, count: row.count }))
  const max = Math.max(1, ...rows.map((row) => row.count))
  const scale = {
    count: { min: 0, max: max <= 4 ? 4 : undefined, tickCount: 5, nice: true },
    label: { type: 'cat' as const }
  }
  if (data.kind === 'line') {
    // At most about eight dates under the axis; every day is still drawn.
    const every = Math.max(1, Math.ceil(rows.length / 8))
    return el(
      Chart,
      { data: rows, scale },
      el(Axis, {
        field: 'label',
        style: {
          label: (_text: string, index: number, total: number) =>
            index % every === 0 || index === total - 1 ? axisLabel : { ...axisLabel, text: '' }
        }
      }),
      el(Axis, { field: 'count', style: { label: axisLabel, grid: { stroke: GRID } } }),
      el(Line, { x: 'label', y: 'count', color: LINE, style: { lineWidth: 3 } }),
      rows.length <= 31 ? el(Point, { x: 'label', y: 'count', color: LINE, size: 3 }) : null
    )
  }
  return el(
    Chart,
    { data: data.kind === 'bars' ? [...rows].reverse() : rows, scale, coord: { transposed: data.kind === 'bars' } },
    el(Axis, { field: 'label', style: { label: axisLabel } }),
    el(Axis, { field: 'count', style: { label: axisLabel, grid: { stroke: GRID } } }),
    el(Interval, { x: 'label', y: 'count', color: BAR, sizeRatio: 0.6 })
  )
}
