// What benchmarks and tooling outside the BFF use of the policies capability (re-exported by src/testing).
export { loadPublishedPolicies, optimizeSearchIndex, type Publishers } from './bulk'
export { getPolicy, searchPolicies } from './service'
