import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './accounts'

/**
 * Photos people upload (JPEG/PNG, metadata already removed), stored as files under the uploads directory by a
 * random name. An upload belongs to its uploader until a message claims it: then thread_id (and message_id) say
 * where it is attached. Kept free of foreign keys to messaging's tables so that uploads stands on its own.
 */
export const uploads = sqliteTable(
  'uploads',
  {
    id: text('id').primaryKey(),
    ownerUserId: text('owner_user_id')
      .notNull()
      .references(() => users.id),
    contentType: text('content_type', { enum: ['image/jpeg', 'image/png'] }).notNull(),
    size: integer('size').notNull(),
    storageName: text('storage_name').notNull().unique(),
    threadId: text('thread_id'),
    messageId: text('message_id'),
    createdAt: text('created_at').notNull()
  },
  (t) => [
    index('uploads_owner_idx').on(t.ownerUserId),
    index('uploads_thread_idx').on(t.threadId),
    index('uploads_message_idx').on(t.messageId)
  ]
)
