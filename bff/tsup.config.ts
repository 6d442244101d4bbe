import { defineConfig } from 'tsup'

// Production build: one ESM file, dist/server.js, run with plain node. Packages stay in node_modules and are
// loaded from there, except @veterans/shared, whose package points at TypeScript sources: it is compiled in.
export default defineConfig({
  entry: ['src/server.ts'],
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
