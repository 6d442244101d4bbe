// Every table, one file per capability. drizzle-kit reads this to generate migrations.
export * from './reference'
export * from './registry'
export * from './accounts'
export * from './platform'
export * from './booking'
export * from './policies'
export * from './uploads'
export * from './messaging'
