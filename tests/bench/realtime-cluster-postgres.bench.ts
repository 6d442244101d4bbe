// realtime-cluster.bench.ts on PostgreSQL (its instances share a database of the run's own instead of a SQLite file).
// Run: cd tests && npx tsx bench/realtime-cluster-postgres.bench.ts
export {}
process.env.BENCH_DATABASE = 'postgres'
await import('./realtime-cluster.bench')
