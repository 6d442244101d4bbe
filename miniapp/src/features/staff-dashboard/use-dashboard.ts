import type { Me } from '@veterans/shared'
import { beijingToday } from '@veterans/shared/rules'
import { useState } from 'react'
import { staffStatsApi, useRequest } from '../../api'
import { useCatalog } from '../booking/use-catalog'
import { periodDates, periodProblem, type Period, type PeriodKind } from './periods'

/** 全市: no center in the query (city-level staff and admins only). */
export const WHOLE_CITY = 'city'

/**
 * The dashboard's state: the period (近7天 … or from–to), the center (city-level staff and admins: 全市 or any
 * center; everyone else: their own), and the figures for them.
 */
export function useDashboard(me: Me) {
  const today = beijingToday()
  const catalog = useCatalog()
  const [kind, setKind] = useState<PeriodKind>('month30')
  const [custom, setCustom] = useState<Period>(() => periodDates('month30', today, { from: '', to: '' }))
  const own = catalog.data?.centers.find((c) => c.id === me.center?.id)
  const canPick = me.role === 'admin' || own?.level === 'city' || !me.center
  const [picked, setPicked] = useState(WHOLE_CITY)
  const centerId = canPick ? (picked === WHOLE_CITY ? undefined : picked) : me.center?.id
  const period = periodDates(kind, today, custom)
  const problem = kind === 'custom' ? periodProblem(period) : null
  const query = { from: period.from, to: period.to, centerId }
  const stats = useRequest(
    () => staffStatsApi.get(query),
    `stats-${query.from}-${query.to}-${centerId ?? WHOLE_CITY}`,
    problem === null && (canPick || Boolean(centerId))
  )
  const centerOptions = [
    { value: WHOLE_CITY, label: '全市' },
    ...(catalog.data?.centers ?? []).map((c) => ({ value: c.id, label: c.name }))
  ]
  return {
    kind,
    setKind,
    custom,
    setCustom,
    period,
    problem,
    canPick,
    centerValue: canPick ? picked : (me.center?.id ?? ''),
    centerName: canPick ? (centerOptions.find((o) => o.value === picked)?.label ?? '') : (me.center?.name ?? ''),
    centerOptions,
    pickCenter: setPicked,
    query,
    stats
  }
}
