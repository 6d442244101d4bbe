import type { CompiledQuery } from './query'
import type { PostingSource, SearchStore } from './store'

/**
 * Queries are evaluated here as set algebra over the posting lists of their tokens, each read from the store (FTS5,
 * PostgreSQL) one token at a time. Reading the list of a token most policies hold costs FTS5 a millisecond or more
 * on a large corpus (PostgreSQL about 3 ms), and the same few hundred common tokens (退役, 军人, 补贴, 办 …) recur
 * in query after query; so lists are kept per store (per process and database), up to a memory budget, until the
 * next write to policies (the catalog version). A list is kept as ascending rowids, or as a bitset over all rowids
 * once that is smaller (a token in more than 1/32 of policies), so intersections and unions cost microseconds.
 */
const CACHE_BUDGET_BYTES = 32 * 1024 * 1024

interface Posting {
  /** Ascending search rowids, or null when `bits` holds the set. */
  ids: Int32Array | null
  bits: Uint32Array | null
}

interface PostingCache {
  version: number
  lists: Map<string, Posting>
  bytes: number
}
const caches = new WeakMap<SearchStore, PostingCache>()

// Each entry also costs its key and Map slot: counted, so that a flood of tokens matching nothing still evicts.
const ENTRY_OVERHEAD_BYTES = 128
const bytesOf = (p: Posting) => (p.ids ?? p.bits)!.byteLength + ENTRY_OVERHEAD_BYTES
const isEmpty = (p: Posting) => (p.ids ? p.ids.length === 0 : !p.bits!.some((w) => w !== 0))

function packed(ids: Int32Array, words: number): Posting {
  if (ids.length < words) return { ids, bits: null }
  const bits = new Uint32Array(words)
  for (const id of ids) bits[id >>> 5]! |= 1 << (id & 31)
  return { ids: null, bits }
}

function cacheFor(store: SearchStore, version: number): PostingCache {
  let cache = caches.get(store)
  if (!cache || cache.version !== version) caches.set(store, (cache = { version, lists: new Map(), bytes: 0 }))
  return cache
}

async function postingList(store: SearchStore, scope: Scope, source: PostingSource, token: string): Promise<Posting> {
  const cache = cacheFor(store, scope.version)
  const key = `${source}:${token}`
  const cached = cache.lists.get(key)
  if (cached) {
    // Most recently used last: Map keeps insertion order, so the first keys are the ones to evict.
    cache.lists.delete(key)
    cache.lists.set(key, cached)
    return cached
  }
  const list = packed(await store.tokenRowids(source, token), scope.words)
  cache.lists.set(key, list)
  cache.bytes += bytesOf(list)
  for (const [oldKey, old] of cache.lists) {
    if (cache.bytes <= CACHE_BUDGET_BYTES || oldKey === key) break
    cache.lists.delete(oldKey)
    cache.bytes -= bytesOf(old)
  }
  return list
}

/** Sorted-array intersection; binary search through the longer list when one is much shorter. */
function intersectIds(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length > b.length) [a, b] = [b, a]
  const out = new Int32Array(a.length)
  let n = 0
  if (a.length * 16 < b.length) {
    let lo = 0
    for (const x of a) {
      let hi = b.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (b[mid]! < x) lo = mid + 1
        else hi = mid
      }
      if (lo < b.length && b[lo] === x) out[n++] = x
    }
  } else {
    for (let i = 0, j = 0; i < a.length && j < b.length;) {
      if (a[i]! < b[j]!) i++
      else if (a[i]! > b[j]!) j++
      else {
        out[n++] = a[i]!
        i++
        j++
      }
    }
  }
  return out.subarray(0, n)
}

export function intersect(a: Posting, b: Posting): Posting {
  if (a.ids && b.ids) return { ids: intersectIds(a.ids, b.ids), bits: null }
  if (a.bits && b.bits) return { ids: null, bits: a.bits.map((w, i) => w & b.bits![i]!) }
  const [ids, bits] = a.ids ? [a.ids, b.bits!] : [b.ids!, a.bits!]
  return { ids: ids.filter((id) => (bits[id >>> 5]! & (1 << (id & 31))) !== 0), bits: null }
}

export function union(lists: Posting[], words: number): Posting {
  if (lists.length === 1) return lists[0]!
  if (lists.some((l) => l.bits)) {
    const bits = new Uint32Array(words)
    for (const l of lists) {
      if (l.bits) l.bits.forEach((w, i) => (bits[i]! |= w))
      else for (const id of l.ids!) bits[id >>> 5]! |= 1 << (id & 31)
    }
    return { ids: null, bits }
  }
  const all = new Int32Array(lists.reduce((n, l) => n + l.ids!.length, 0))
  let offset = 0
  for (const l of lists) {
    all.set(l.ids!, offset)
    offset += l.ids!.length
  }
  all.sort()
  let n = 0
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!
  return { ids: all.subarray(0, n), bits: null }
}

function idsOf(p: Posting): Int32Array {
  if (p.ids) return p.ids
  const out: number[] = []
  p.bits!.forEach((word, i) => {
    for (let w = word; w !== 0; w &= w - 1) out.push((i << 5) | (31 - Math.clz32(w & -w)))
  })
  return Int32Array.from(out)
}

/** The catalog version the lists belong to, and the bitset size in 32-bit words (rowids run 1..maxRowid). */
export interface Scope {
  version: number
  words: number
}

/**
 * Rows holding every token (within `within`, if given). Lists already cached are used first, shortest first; the
 * rest are read only while something is left.
 */
async function holdingAll(
  store: SearchStore,
  scope: Scope,
  source: PostingSource,
  tokens: string[],
  within: Posting | null
) {
  const cache = cacheFor(store, scope.version)
  const cost = (t: string) => {
    const p = cache.lists.get(`${source}:${t}`)
    return p ? (p.ids ? p.ids.length : scope.words) : Infinity
  }
  let result = within
  for (const token of [...tokens].sort((a, b) => cost(a) - cost(b))) {
    const list = await postingList(store, scope, source, token)
    result = result === null ? list : intersect(result, list)
    if (isEmpty(result)) break
  }
  return result
}

const NONE: Posting = { ids: new Int32Array(0), bits: null }

/** The search rowids (ascending) matching every term of the query, with tokens looked up in `source`. */
export async function matchQuery(
  store: SearchStore,
  scope: Scope,
  query: CompiledQuery,
  source: PostingSource
): Promise<Int32Array> {
  let result: Posting | null = null
  for (const term of query.terms) {
    result = await holdingAll(store, scope, source, term.all, result)
    if (term.anyOf.length > 0) {
      const either: Posting[] = []
      for (const tokens of term.anyOf) either.push((await holdingAll(store, scope, source, tokens, result)) ?? NONE)
      result = union(either, scope.words)
    }
    if (result && isEmpty(result)) return NONE.ids!
  }
  return idsOf(result ?? NONE)
}
