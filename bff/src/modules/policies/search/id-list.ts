/** Parses a list of rowids as SQL aggregates hand it over ("7,12,31": group_concat, string_agg) into numbers. */
export function parseIdList(list: string | null): Int32Array {
  if (!list) return new Int32Array(0)
  let count = 1
  for (let i = 0; i < list.length; i++) if (list.charCodeAt(i) === 44) count++
  const out = new Int32Array(count)
  let n = 0
  let k = 0
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i)
    if (c === 44) {
      out[k++] = n
      n = 0
    } else n = n * 10 + (c - 48)
  }
  out[k] = n
  return out
}
