import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { GENDER_CODES, VETERAN_CATEGORY_CODES } from '@veterans/shared'
import { districts } from './reference'

/**
 * The department's records of its veterans. ID numbers and phones are stored only encrypted; the keyed hash finds
 * a record by ID number and the masked copy is what every list shows.
 */
export const veterans = sqliteTable(
  'veterans',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberHash: text('id_number_hash').notNull().unique(),
    idNumberMasked: text('id_number_masked').notNull(),
    gender: text('gender', { enum: GENDER_CODES }).notNull(),
    birthDate: text('birth_date').notNull(),
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    category: text('category', { enum: VETERAN_CATEGORY_CODES }).notNull(),
    enlistDate: text('enlist_date'),
    dischargeDate: text('discharge_date'),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    disabilityLevel: integer('disability_level'),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [index('veterans_district_idx').on(t.districtCode, t.category), index('veterans_name_idx').on(t.name)]
)
