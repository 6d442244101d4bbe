import type { CapabilityHooks } from '../../capability-hooks'
import { exportNotifications } from './service'

/** What notifications add to the others (composed in app.ts): everything a person was told, in their data export. */
export const notificationsHooks: CapabilityHooks = {
  exportSections: { notifications: exportNotifications }
}
