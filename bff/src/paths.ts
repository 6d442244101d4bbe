import path from 'node:path'

// Folders the server reads at run time. This file sits one level below the package root, as does the bundle
// dist/server.js that it is compiled into, so the same line finds the root from the sources (tests, tsx) and from
// the build. Modules name their files from here rather than from their own folder, which a bundle flattens.

/** bff/ */
export const BFF_ROOT = path.resolve(import.meta.dirname, '..')
/** The workspace root, above bff/. */
export const REPO_ROOT = path.resolve(BFF_ROOT, '..')
/** config/: holidays, policy synonyms, demo data. */
export const CONFIG_DIR = path.join(REPO_ROOT, 'config')
/** SQL migrations: data, read where drizzle-kit writes them, from the sources and the build alike. */
export const MIGRATIONS_DIR = path.join(BFF_ROOT, 'src', 'db', 'migrations')
/** PostgreSQL's SQL migrations (drizzle.pg.config.ts), read like MIGRATIONS_DIR. */
export const MIGRATIONS_PG_DIR = path.join(BFF_ROOT, 'src', 'db', 'migrations-pg')
