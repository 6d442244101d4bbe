// What benchmarks and tooling outside the BFF use of the policies capability (re-exported by src/testing).
export { loadPublishedPolicies, optimizeSearchIndex, type Publishers } from './bulk'
export { runSearch, searchRequest } from './search/engine'
export { openPostgresSearchMirror, type PostgresSearchMirror } from './search/postgres-mirror'
export { sqliteSearchStore } from './search/sqlite-store'
export { getPolicy, searchPolicies } from './service'
