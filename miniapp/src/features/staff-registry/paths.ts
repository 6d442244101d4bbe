import { STAFF_REGISTRY_PAGES, urlWith } from '../../shell/navigation-pages'

export const veteransUrl = STAFF_REGISTRY_PAGES.list
export const veteranUrl = (id: string) => urlWith(STAFF_REGISTRY_PAGES.veteran, { id })
/** The form: a new record without `id`, a change to one with it. */
export const veteranEditUrl = (id?: string) => urlWith(STAFF_REGISTRY_PAGES.edit, { id })
/** The import wizard; with `job` it shows that import's progress (the address keeps it across a reload). */
export const importUrl = (job?: string) => urlWith(STAFF_REGISTRY_PAGES.import, { job })
