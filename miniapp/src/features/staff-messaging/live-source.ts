import { realtime } from '../../api'
import type { LiveSource } from './use-live'

/** The app's one WebSocket client (api/realtime.ts), as the inbox uses it. */
export function liveSource(): LiveSource {
  return realtime
}
