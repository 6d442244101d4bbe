import { STAFF_NOTICE_PAGES, urlWith } from '../../shell/navigation-pages'

export const staffNoticesUrl = STAFF_NOTICE_PAGES.list
export const staffNoticeUrl = (id: string) => urlWith(STAFF_NOTICE_PAGES.notice, { id })
export const staffNoticeEditUrl = (id?: string) => urlWith(STAFF_NOTICE_PAGES.edit, { id })
