import { openPage } from '../../shell/navigation'
import { askStaffUrl } from './paths'

/**
 * "Ask staff" from the policy pages. Written questions come with messaging (a later version): until then this opens
 * a page with the bureau's hotline and the nearest center's phone. When messaging lands, this one function starts a
 * new thread about the policy (or the search that found nothing) instead; its callers stay as they are.
 */
export function askStaffAbout(about: { policyId?: string; query?: string }): void {
  openPage(askStaffUrl(about))
}
