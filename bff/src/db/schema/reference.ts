import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { CENTER_LEVEL_CODES } from '@veterans/shared'

export const districts = sqliteTable('districts', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0)
})

export const centers = sqliteTable('centers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  level: text('level', { enum: CENTER_LEVEL_CODES }).notNull(),
  districtCode: text('district_code')
    .notNull()
    .references(() => districts.code),
  address: text('address').notNull(),
  phone: text('phone').notNull(),
  openingHours: text('opening_hours').notNull(),
  lat: real('lat'),
  lng: real('lng'),
  sortOrder: integer('sort_order').notNull().default(0)
})

export const services = sqliteTable('services', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  description: text('description').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  requiredDocuments: text('required_documents', { mode: 'json' }).$type<string[]>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0)
})

export const centerServices = sqliteTable(
  'center_services',
  {
    centerId: text('center_id')
      .notNull()
      .references(() => centers.id),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id)
  },
  (t) => [primaryKey({ columns: [t.centerId, t.serviceId] })]
)
