import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import { staffRegistryApi, useRequest } from '../../api'

/** One record with its bookings, threads and family count; read again when the person comes back from 编辑. */
export function useVeteran(id: string) {
  const detail = useRequest(() => staffRegistryApi.detail(id), `veteran-${id}`, !!id)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && id) void detail.reload()
    shown.current = true
  })
  return detail
}
