// The page list of src/app.config.ts, read without Taro's defineAppConfig (a global only the build provides).
import { readFileSync } from 'node:fs'

const source = readFileSync(new URL('../src/app.config.ts', import.meta.url), 'utf8')
const main = [...(source.match(/pages: \[([\s\S]*?)\]/)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]!)
const sub = [...source.matchAll(/\{\s*root: '([^']+)',\s*pages: \[([^\]]*)\]/g)].flatMap((m) =>
  [...m[2]!.matchAll(/'([^']+)'/g)].map((p) => `${m[1]}/${p[1]}`)
)

export default [...main, ...sub]
