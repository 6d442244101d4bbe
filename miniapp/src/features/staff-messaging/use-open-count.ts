import type { Me } from '@veterans/shared'
import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { staffMessagingApi, useRequest } from '../../api'
import { taroStore } from '../../lib/key-value-store'
import { rememberedCenter } from '../staff-booking/center-memory'

const COUNT_LIMIT = 100

/**
 * How many questions wait for an answer, for the 工作台 entry: in the center the inbox opens on (a city-level staff
 * member's or an admin's chosen one; only they can have chosen one), else the account's own. Null while unknown:
 * the entry then shows no number rather than a wrong one.
 */
export function useOpenCount(me: Me): string | null {
  const centerId = rememberedCenter(taroStore, me.id)
  const count = useRequest(
    () => staffMessagingApi.queue({ status: 'open', centerId, limit: COUNT_LIMIT }),
    `open-count-${centerId ?? ''}`
  )
  // Back on 工作台 after answering: count again (not on the first showing, which the load above covers).
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) void count.reload()
    shownBefore.current = true
  })
  if (!count.data) return null
  const n = count.data.items.length
  if (n === 0) return '没有待处理的咨询'
  return `${n}${count.data.nextCursor ? '+' : ''} 条待处理`
}
