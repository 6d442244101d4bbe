// The hand-written SQL of the repositories is SQLite's. Most of it is also PostgreSQL's; what differs in the forms
// the repositories use is rewritten here, once per text: `?` and `@name` parameters become `$n`, `INSERT OR IGNORE`
// becomes `ON CONFLICT DO NOTHING`, the two-argument min()/max() become LEAST()/GREATEST(), ifnull() coalesce(),
// a camelCase alias (`AS startsAt`) is quoted, which PostgreSQL would otherwise fold to lower case, a subquery in
// FROM gets the alias PostgreSQL requires, `INDEXED BY` hints go, json_each(list) becomes
// json_array_elements_text, `@x IS NULL` gets a type, and a boolean column compared with 0 or 1 is compared with false or true.
// A statement whose SQL differs in other ways names its PostgreSQL text itself (see query.ts).

export interface PostgresText {
  /** Prepared once per connection under this name. */
  name: string
  text: string
  /** Named parameters in the order of $1, $2 …; null when the statement takes positional ones. */
  names: string[] | null
}

const translated = new Map<string, PostgresText>()
/** Names are never reused in a process: a connection keeps every statement it prepared under its name. */
let named = 0

export function toPostgres(sqliteText: string): PostgresText {
  let known = translated.get(sqliteText)
  if (!known) translated.set(sqliteText, (known = { name: `q${++named}`, ...translate(sqliteText) }))
  return known
}

/** The values for $1, $2 … from what better-sqlite3 would have been given. */
export function valuesFor(statement: PostgresText, params: unknown[]): unknown[] {
  if (!statement.names) return params
  const named = (params[0] ?? {}) as Record<string, unknown>
  return statement.names.map((name) => {
    if (!(name in named)) throw new Error(`missing value for @${name}`)
    return named[name]
  })
}

function translate(source: string): Omit<PostgresText, 'name'> {
  const names: string[] = []
  let positional = 0
  let text = ''
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!
    if (char === "'") {
      const end = closingQuote(source, i)
      text += source.slice(i, end + 1)
      i = end
    } else if (char === '?') {
      text += `$${++positional}`
    } else if (char === '@' && /[A-Za-z_]/.test(source[i + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i + 1))![0]
      let index = names.indexOf(name)
      if (index < 0) index = names.push(name) - 1
      text += `$${index + 1}`
      i += name.length
    } else {
      text += char
    }
  }
  if (positional > 0 && names.length > 0) throw new Error('a statement mixes ? and @name parameters')
  text = rewriteFunctions(text)
    .replace(/\bAS\s+([a-z_][A-Za-z0-9_]*[A-Z][A-Za-z0-9_]*)\b/g, 'AS "$1"')
    .replace(/\s+INDEXED\s+BY\s+\w+/gi, '')
    // `@x IS NULL` before any use of @x that tells PostgreSQL its type: the type must be given (a text here).
    .replace(/(\$\d+)(\s+IS\s+(?:NOT\s+)?NULL)/gi, '$1::text$2')
    .replace(
      /\bjson_each\(([^()]*)\)(\s+AS\s+(\w+))?/gi,
      (_match, list: string, _as, alias: string | undefined) =>
        `json_array_elements_text((${list})::json) AS ${alias ?? 'json_each'}(value)`
    )
  text = aliasSubqueries(compareBooleans(text))
  if (/^\s*INSERT\s+OR\s+IGNORE\s+INTO/i.test(text)) {
    text = text.replace(/INSERT\s+OR\s+IGNORE\s+INTO/i, 'INSERT INTO')
    const returning = /\sRETURNING\s/i.exec(text)
    text = returning
      ? `${text.slice(0, returning.index)} ON CONFLICT DO NOTHING${text.slice(returning.index)}`
      : `${text.trimEnd()} ON CONFLICT DO NOTHING`
  }
  return { text, names: names.length > 0 ? names : null }
}

function closingQuote(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] !== "'") continue
    if (source[i + 1] === "'") i++
    else return i
  }
  throw new Error('unterminated string in SQL')
}

/** min(a, b) → LEAST(a, b), max(a, b) → GREATEST(a, b) (the one-argument aggregates stay), ifnull → coalesce. */
function rewriteFunctions(text: string): string {
  return text.replace(/\b(min|max|ifnull)\s*\(/gi, (match: string, name: string, offset: number) => {
    const lower = name.toLowerCase()
    if (lower === 'ifnull') return 'coalesce('
    const open = offset + match.length - 1
    return hasTopLevelComma(text, open) ? (lower === 'min' ? 'LEAST(' : 'GREATEST(') : match
  })
}

function hasTopLevelComma(text: string, open: number): boolean {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const char = text[i]
    if (char === "'") i = closingQuote(text, i)
    else if (char === '(') depth++
    else if (char === ')' && --depth === 0) return false
    else if (char === ',' && depth === 1) return true
  }
  return false
}

/** The boolean columns of the schema (SQLite keeps them as 0 and 1, which SQL here compares them with). */
let booleanColumns: RegExp | null = null

export function useBooleanColumns(names: readonly string[]) {
  booleanColumns =
    names.length > 0 ? new RegExp(`\\b((?:\\w+\\.)?(?:${names.join('|')}))\\s*(=|<>|!=)\\s*([01])\\b`, 'g') : null
  translated.clear()
}

function compareBooleans(text: string): string {
  if (!booleanColumns) return text
  return text.replace(booleanColumns, (_m, column: string, op: string, bit: string) => `${column} ${op} ${bit === '1'}`)
}

const FOLLOWS_UNALIASED = /^(WHERE|ORDER|GROUP|UNION|LIMIT|JOIN|LEFT|INNER|CROSS|ON|HAVING|EXCEPT|INTERSECT|OFFSET)\b/i

/** `FROM (SELECT …)` without a name, nested ones too: PostgreSQL wants one. */
function aliasSubqueries(text: string): string {
  const unnamedEnds: number[] = []
  const from = /\bFROM\s*\(\s*SELECT\b/gi
  for (let match = from.exec(text); match; match = from.exec(text)) {
    const close = closingParen(text, text.indexOf('(', match.index))
    if (close < 0) break
    const rest = text.slice(close + 1).trimStart()
    if (rest === '' || /^[),;]/.test(rest) || FOLLOWS_UNALIASED.test(rest)) unnamedEnds.push(close + 1)
  }
  let out = ''
  let at = 0
  for (const [index, end] of [...unnamedEnds].sort((a, b) => a - b).entries()) {
    out += `${text.slice(at, end)} AS subquery_${index + 1}`
    at = end
  }
  return out + text.slice(at)
}

function closingParen(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const char = text[i]
    if (char === "'") i = closingQuote(text, i)
    else if (char === '(') depth++
    else if (char === ')' && --depth === 0) return i
  }
  return -1
}
