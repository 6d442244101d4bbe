import { STAFF_MESSAGING_PAGES, urlWith } from '../../shell/navigation-pages'

export const inboxUrl = STAFF_MESSAGING_PAGES.inbox
export const staffThreadUrl = (id: string) => urlWith(STAFF_MESSAGING_PAGES.thread, { id })
