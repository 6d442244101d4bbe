// The hand-written SQL of the repositories is SQLite's. Most of it is also PostgreSQL's; what differs in the forms
// the repositories use is rewritten here, once per text: `?` and `@name` parameters become `$n`, `INSERT OR IGNORE`
// becomes `ON CONFLICT DO NOTHING`, the two-argument min()/max() become LEAST()/GREATEST(), and ifnull() coalesce().
// A statement whose SQL differs in other ways names its PostgreSQL text itself (see query.ts).

export interface PostgresText {
  /** Prepared once per connection under this name. */
  name: string
  text: string
  /** Named parameters in the order of $1, $2 …; null when the statement takes positional ones. */
  names: string[] | null
}

const translated = new Map<string, PostgresText>()

export function toPostgres(sqliteText: string): PostgresText {
  let known = translated.get(sqliteText)
  if (!known) translated.set(sqliteText, (known = { name: `q${translated.size + 1}`, ...translate(sqliteText) }))
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
