import type { MESSAGE_ATTACHMENTS_MAX, MESSAGE_BODY_MAX } from '@veterans/shared'

// The contract's limits, as values the bundle can hold without TypeBox; the types keep them equal to the schema's.

/** Photos per message. */
export const MAX_PHOTOS: typeof MESSAGE_ATTACHMENTS_MAX = 4
/** Characters per message. */
export const MAX_BODY: typeof MESSAGE_BODY_MAX = 2000
/** Characters in a question's subject (CreateThreadBodySchema). */
export const MAX_SUBJECT = 100
