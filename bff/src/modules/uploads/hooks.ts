import type { CapabilityHooks } from '../../capability-hooks'
import { deleteUploadsOf } from './service'

/** What uploads add to the others (composed in app.ts): a closed account's photos are deleted, files and rows. */
export const uploadsHooks: CapabilityHooks = {
  closeAccount: deleteUploadsOf
}
