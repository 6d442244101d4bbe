import { MESSAGES_PAGES, urlWith } from '../../shell/navigation-pages'

/** A new written question; about a policy (`policyId`) or a search that found nothing (`q`) when asked from there. */
export const newQuestionUrl = (about: { policyId?: string; query?: string } = {}) =>
  urlWith(MESSAGES_PAGES.newQuestion, { policyId: about.policyId, q: about.query })

/** `justAsked`: opened right after the question was sent (the page says so and offers WeChat reminders). */
export const conversationUrl = (threadId: string, opened: { justAsked?: boolean } = {}) =>
  urlWith(MESSAGES_PAGES.conversation, { id: threadId, asked: opened.justAsked ? '1' : undefined })
