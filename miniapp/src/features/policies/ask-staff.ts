import { newQuestionUrl } from '../messaging/pages'
import { openPage } from '../../shell/navigation'

/**
 * "Ask staff" from the policy pages: a new written question about the policy (staff see which one), or about the
 * search that found nothing. The form also gives the hotline for urgent matters.
 */
export function askStaffAbout(about: { policyId?: string; query?: string }): void {
  openPage(newQuestionUrl(about))
}
