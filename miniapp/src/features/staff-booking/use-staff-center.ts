import type { Me } from '@veterans/shared'
import { useState } from 'react'
import { taroStore } from '../../lib/key-value-store'
import { useCatalog } from '../booking/use-catalog'
import { rememberCenter, rememberedCenter } from './center-memory'

/**
 * The center a staff member works on: their own; staff of the city-level center and admins may pick any center
 * (the server allows them all). The pick is remembered per account (center-memory.ts) across reloads and pages.
 */
export function useStaffCenter(me: Me, initial?: string) {
  const catalog = useCatalog()
  const [picked, setPicked] = useState(() => initial ?? rememberedCenter(taroStore, me.id) ?? '')
  const own = catalog.data?.centers.find((c) => c.id === me.center?.id)
  const canPick = me.role === 'admin' || own?.level === 'city' || !me.center
  // A remembered center that no longer exists is ignored.
  const known = !catalog.data || catalog.data.centers.some((c) => c.id === picked)
  const centerId = (canPick && known && picked) || me.center?.id || ''
  const center = catalog.data?.centers.find((c) => c.id === centerId)
  const services = catalog.data?.services.filter((s) => center?.serviceIds.includes(s.id)) ?? []
  const pickCenter = (id: string) => {
    setPicked(id)
    rememberCenter(taroStore, me.id, id)
  }
  return { catalog, canPick, centerId, center, services, pickCenter }
}
