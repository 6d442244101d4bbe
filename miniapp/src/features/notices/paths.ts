import { MESSAGES_PAGES, urlWith } from '../../shell/navigation-pages'

export const noticeUrl = (noticeId: string) => urlWith(MESSAGES_PAGES.notice, { id: noticeId })
export const messageSettingsUrl = MESSAGES_PAGES.settings
