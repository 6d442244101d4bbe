import { Notice } from '../components'
import { useNetworkStatus } from './use-network-status'

/** Says plainly when the phone has no network, so a failed action is not a mystery. */
export function OfflineBanner() {
  const online = useNetworkStatus()
  if (online) return null
  return <Notice tone='error'>现在没有网络连接。请检查手机网络（Wi‑Fi 或移动数据），联网后再操作。</Notice>
}
