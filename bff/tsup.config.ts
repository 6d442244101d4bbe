import { defineConfig } from 'tsup'

// Production build: ESM files run with plain node: dist/server.js, and the operator's commands dist/backup.js,
// dist/restore.js and dist/migrate-to-postgres.js (a production install has no tsx). Packages stay in node_modules
// and are loaded from there, except @veterans/shared, whose package points at TypeScript sources: it is compiled in.
export default defineConfig({
  entry: {
    server: 'src/server.ts',
    backup: 'scripts/backup.ts',
    restore: 'scripts/restore.ts',
    'migrate-to-postgres': 'scripts/migrate-to-postgres.ts'
  },
  outDir: 'dist',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  skipNodeModulesBundle: true,
  noExternal: [/^@veterans\/shared(\/|$)/],
  removeNodeProtocol: false
})
