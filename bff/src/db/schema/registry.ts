import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { GENDER_CODES, VETERAN_CATEGORY_CODES, VETERAN_STATUS_CODES } from '@veterans/shared'
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
    status: text('status', { enum: VETERAN_STATUS_CODES }).notNull().default('active'),
    /** Service history as the register keeps it: the unit served in and free notes. */
    servedUnit: text('served_unit'),
    notes: text('notes'),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    index('veterans_district_idx').on(t.districtCode, t.category),
    index('veterans_name_idx').on(t.name),
    // The dashboard counts the register (status 在册) by district and category from this index alone.
    index('veterans_stats_idx').on(t.status, t.districtCode, t.category)
  ]
)

export const IMPORT_STATUSES = ['running', 'done', 'failed'] as const

/**
 * A registry import from a CSV or XLSX file: the file is kept until the job ends, and `processed` only moves with
 * the batch transaction that applied those rows, so a restart resumes from there (or marks the job failed, saying so).
 */
export const importJobs = sqliteTable(
  'import_jobs',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id').notNull(),
    /** The district the importing staff member may write (null: city level, any district). */
    scopeDistrictCode: text('scope_district_code'),
    dryRun: integer('dry_run', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: IMPORT_STATUSES }).notNull(),
    fileName: text('file_name').notNull(),
    fileFormat: text('file_format', { enum: ['csv', 'xlsx'] }).notNull(),
    /** Where the uploaded file waits while the job runs (deleted when it ends). */
    filePath: text('file_path'),
    mapping: text('mapping', { mode: 'json' }).$type<Record<string, string>>(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    failure: text('failure'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    finishedAt: text('finished_at'),
    /** The instance running the job, and until when its claim holds (renewed while it runs; taken over after). */
    owner: text('owner'),
    leaseUntil: text('lease_until')
  },
  (t) => [index('import_jobs_staff_idx').on(t.staffId, t.id)]
)

/** The rows an import refused, with why (the report staff download as CSV). */
export const importJobErrors = sqliteTable(
  'import_job_errors',
  {
    jobId: text('job_id').notNull(),
    row: integer('row').notNull(),
    message: text('message').notNull()
  },
  (t) => [index('import_job_errors_job_idx').on(t.jobId, t.row)]
)
