// (Long on purpose: the generator of realistic policies and the measurement belong in one runnable file.)
// Policy search benchmark: 20,000 generated policies of realistic length (titles ~20–40 characters, Markdown bodies
// ~1,500–4,000 characters) built from the vocabulary of veterans' policy documents, loaded into a temporary FILE
// database; prints the index build time and database size, then runs 1,000 mixed queries (1–3 terms of 1–6
// characters, some with filters) through the real search service (segmentation, FTS5, facets, ranking, snippets of
// the returned page) and prints p50/p99 against the target p99 ≤ 20 ms (PASS/MISS), next to a baseline measured in
// the same run: the service that reads one policy by primary key. The search keeps the posting lists of tokens it
// has read in memory until the next policy write; the first 100 queries warm it up and are not counted. For
// transparency the same queries are also timed on a second connection whose cache starts empty ("cold").
// Then the same policies are mirrored into PostgreSQL (a fresh database on 127.0.0.1:5432, dropped afterwards) and
// the same queries run through the search engine alone (no page rows or snippets: those repositories run on SQLite
// only so far) on both stores, warm and cold, PostgreSQL's p99 against the same target.
// Run: cd tests && pnpm exec tsx bench/search.bench.ts [policies]
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { PolicyInput, PolicyLevel, PolicyQuery, Topic } from '@veterans/shared'
import { buildApp } from '@veterans/bff'
import { policies, testConfig } from '@veterans/bff/testing'
import { createTestDatabase } from '../../bff/test/pg-helpers'
import { recordResult } from './results'

const POLICIES = Number(process.argv[2] ?? 20_000)
const QUERIES = 1000
const WARMUP = 100
const TARGET_P99_MS = 20
const BATCH = 1000

// ---- vocabulary ---------------------------------------------------------------------------------------------------

const TOPIC_WORDS: Record<Exclude<Topic, 'other'>, string[]> = {
  employment: [
    '就业',
    '创业',
    '招聘',
    '岗位',
    '职业技能培训',
    '技能等级证书',
    '创业担保贷款',
    '财政贴息',
    '创业孵化基地',
    '吸纳就业',
    '社会保险补贴',
    '公益性岗位',
    '求职创业补贴',
    '个体工商户',
    '小微企业',
    '税收优惠',
    '劳动合同',
    '定向招录',
    '就业见习',
    '培训补贴',
    '经营场所',
    '创业导师',
    '专场招聘会',
    '适应性培训'
  ],
  preferential: [
    '优待证',
    '公共交通',
    '乘车',
    '免费',
    '景区',
    '公园',
    '门票',
    '博物馆',
    '纪念馆',
    '优先窗口',
    '优先购票',
    '拥军优属',
    '商户',
    '折扣',
    '文化旅游',
    '优待项目',
    '持证人员',
    '挂失',
    '补领',
    '换领',
    '优先安检'
  ],
  pension: [
    '抚恤金',
    '定期抚恤',
    '生活补助',
    '一次性抚恤金',
    '抚恤标准',
    '优抚对象',
    '在乡复员军人',
    '带病回乡退伍军人',
    '参战参试退役人员',
    '老年生活补助',
    '困难帮扶',
    '帮扶援助',
    '临时救助',
    '最低生活保障',
    '特困供养',
    '补发差额',
    '按月发放'
  ],
  medical: [
    '医疗保障',
    '基本医疗保险',
    '大病保险',
    '医疗救助',
    '优抚医疗补助',
    '定点医疗机构',
    '住院',
    '门诊',
    '慢特病',
    '一站式结算',
    '报销',
    '健康体检',
    '家庭医生',
    '短期疗养',
    '优抚医院',
    '康复',
    '就医',
    '挂号'
  ],
  education: [
    '子女教育',
    '入学',
    '入园',
    '义务教育',
    '中考',
    '降分录取',
    '高等学校',
    '学历教育',
    '学生资助',
    '奖学金',
    '学费减免',
    '报考',
    '招生',
    '公办学校',
    '就近入学'
  ],
  housing: [
    '住房保障',
    '公共租赁住房',
    '保障性租赁住房',
    '优先配租',
    '租金补贴',
    '危房改造',
    '住房公积金',
    '无障碍改造',
    '住房困难',
    '人均住房面积'
  ],
  disability: [
    '残疾等级',
    '伤残等级',
    '残疾军人证',
    '残疾抚恤金',
    '等级评定',
    '医学鉴定',
    '旧伤复发',
    '辅助器具',
    '假肢',
    '轮椅',
    '伤残抚恤关系',
    '因战致残',
    '因公致残'
  ],
  survivors: [
    '烈士',
    '烈士遗属',
    '因公牺牲',
    '病故军人',
    '烈士褒扬金',
    '纪念设施',
    '烈士陵园',
    '祭扫',
    '丧葬补助',
    '殡葬服务',
    '安葬',
    '光荣院',
    '光荣牌'
  ],
  legal: [
    '法律援助',
    '法律咨询',
    '诉讼代理',
    '劳动争议',
    '工伤赔偿',
    '人民调解',
    '维护权益',
    '值班律师',
    '法律援助工作站',
    '经济困难'
  ],
  psychological: ['心理疏导', '心理咨询', '团体辅导', '危机干预', '心理健康', '精神卫生', '严格保密', '定期回访'],
  records: ['档案', '查阅档案', '复印材料', '出具证明', '服役经历', '入伍时间', '退役时间', '调取档案', '档案移交']
}
const TOPICS = Object.keys(TOPIC_WORDS) as Exclude<Topic, 'other'>[]
const COMMON_WORDS = [
  '退役军人',
  '退役士兵',
  '军队转业干部',
  '复员干部',
  '军休干部',
  '服务中心',
  '服务站',
  '退役军人事务部门',
  '人民政府',
  '财政部门',
  '县级',
  '设区的市',
  '街道',
  '乡镇',
  '社区',
  '户籍所在地',
  '申请人',
  '居民身份证',
  '退役证件',
  '户口簿',
  '申请材料',
  '审核',
  '审批',
  '办理',
  '受理',
  '工作日',
  '有关规定',
  '符合条件',
  '相关部门',
  '监督检查',
  '网上办理',
  '标准',
  '资金',
  '经费',
  '保障',
  '服务',
  '管理',
  '政策',
  '待遇',
  '合法权益',
  '关爱',
  '荣誉',
  '落实',
  '组织实施',
  '信息化',
  '动态管理',
  '公示',
  '备案'
]
const FUNCTION_WORDS = [
  '的',
  '和',
  '对',
  '在',
  '由',
  '按照',
  '向',
  '为',
  '应当',
  '可以',
  '依法',
  '及时',
  '统一',
  '给予',
  '享受',
  '负责',
  '不得',
  '予以',
  '确保',
  '结合'
]
const PUNCTUATION = ['，', '，', '，', '、', '；']
const HEADINGS = [
  '总则',
  '适用范围',
  '适用对象',
  '申请条件',
  '申请材料',
  '办理程序',
  '待遇标准',
  '资金保障',
  '服务管理',
  '监督检查',
  '法律责任',
  '附则'
]
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']
const DOC_TYPES = [
  '办法',
  '实施办法',
  '实施细则',
  '通知',
  '意见',
  '实施意见',
  '工作方案',
  '暂行规定',
  '管理办法',
  '规定'
]
const VERBS = ['进一步做好', '加强', '规范', '完善', '做好', '全面落实', '深入推进', '切实加强']
const PLACES: Record<PolicyLevel, string[]> = {
  national: [''],
  provincial: ['M省'],
  city: ['M市'],
  district: ['东湖区', '西江区', '南山区', '北塘区', '高新区', '临河县']
}
const ISSUERS: Record<PolicyLevel, string[]> = {
  national: ['退役军人事务部', '退役军人事务部 财政部', '人力资源社会保障部 退役军人事务部', '国务院办公厅'],
  provincial: ['M省退役军人事务厅', 'M省退役军人事务厅 M省财政厅', 'M省人民政府办公厅'],
  city: ['M市退役军人事务局', 'M市人民政府办公室', 'M市退役军人事务局 M市财政局'],
  district: ['区退役军人事务局', '县退役军人事务局']
}
const DOC_PREFIXES: Record<PolicyLevel, string[]> = {
  national: ['退役军人部发', '退役军人部规', '人社部发', '财税'],
  provincial: ['M退役军人厅发', 'M政办发', 'M财社'],
  city: ['M退役军人发', 'M政办', 'M人社发', 'M医保发'],
  district: ['东退役军人发', '西退役军人发', '南退役军人发', '北退役军人发', '高新管发', '临退役军人发']
}

// ---- generation ---------------------------------------------------------------------------------------------------

/** mulberry32: the same corpus and queries every run. */
function seeded(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = seeded(20261128)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))

function sentence(topic: Exclude<Topic, 'other'>): string {
  const words: string[] = []
  const length = between(5, 11)
  for (let i = 0; i < length; i++) {
    const r = random()
    words.push(
      r < 0.45
        ? pick(TOPIC_WORDS[topic])
        : r < 0.75
          ? pick(COMMON_WORDS)
          : r < 0.85
            ? pick(TOPIC_WORDS[pick(TOPICS)])
            : pick(FUNCTION_WORDS)
    )
    if (i < length - 1 && random() < 0.22) words.push(pick(PUNCTUATION))
  }
  if (random() < 0.2) words.push(`，每人每月${between(2, 30) * 50}元`)
  if (random() < 0.1) words.push(`，自受理之日起${between(3, 30)}个工作日内办结`)
  return words.join('') + '。'
}

function body(topic: Exclude<Topic, 'other'>, targetLength: number): string {
  const parts: string[] = []
  let length = 0
  for (let section = 0; length < targetLength; section++) {
    const heading = `## ${NUMERALS[section % NUMERALS.length]}、${HEADINGS[section % HEADINGS.length]}`
    parts.push(heading)
    length += heading.length
    for (let p = between(1, 3); p > 0 && length < targetLength; p--) {
      const paragraph: string[] = []
      for (let s = between(2, 5); s > 0; s--) paragraph.push(sentence(topic))
      const text = random() < 0.25 ? paragraph.map((s) => `- ${s}`).join('\n') : paragraph.join('')
      parts.push(text)
      length += text.length
    }
  }
  return parts.join('\n\n')
}

function title(level: PolicyLevel, topic: Exclude<Topic, 'other'>): string {
  const place = pick(PLACES[level])
  const subject = `${pick(TOPIC_WORDS[topic])}${random() < 0.5 ? pick(TOPIC_WORDS[topic]) : ''}`
  const text =
    random() < 0.5
      ? `${place}关于${pick(VERBS)}${pick(['退役军人', '退役士兵', '优抚对象', '军人军属'])}${subject}工作的${pick(DOC_TYPES)}`
      : `${place}${pick(['退役军人', '退役士兵', '优抚对象'])}${subject}${pick(DOC_TYPES)}${random() < 0.2 ? '（试行）' : ''}`
  return text.length > 40 ? text.slice(0, 40) : text.length < 20 ? `${text}（${2000 + between(10, 26)}年修订）` : text
}

const LEVEL_WEIGHTS: [PolicyLevel, number][] = [
  ['national', 0.15],
  ['provincial', 0.25],
  ['city', 0.4],
  ['district', 0.2]
]
function level(): PolicyLevel {
  let r = random()
  for (const [l, w] of LEVEL_WEIGHTS) if ((r -= w) < 0) return l
  return 'city'
}

const isoDate = (year: number) =>
  `${year}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`

function generatePolicy(i: number): PolicyInput {
  const lv = level()
  const topic = pick(TOPICS)
  const from = 2005 + Math.floor(random() * 22)
  const r = random()
  return {
    title: title(lv, topic),
    docNumber: `${pick(DOC_PREFIXES[lv])}〔${from}〕${1 + (i % 120)}号`,
    issuer: pick(ISSUERS[lv]),
    level: lv,
    category: random() < 0.05 ? 'other' : topic,
    summary: sentence(topic) + sentence(topic),
    body: body(topic, between(1500, 4000)),
    effectiveFrom: r < 0.04 ? isoDate(2027) : isoDate(from),
    ...(r > 0.85 ? { effectiveTo: isoDate(Math.min(from + between(1, 5), 2025)) } : {})
  }
}

/** Terms of 1–6 characters: parts of the vocabulary people type, and pieces of real text (some find nothing). */
function queryTerm(samples: string[]): string {
  const length = between(1, 6)
  if (random() < 0.6) {
    const words = [...COMMON_WORDS, ...TOPICS.flatMap((t) => TOPIC_WORDS[t])].filter((w) => w.length >= length)
    const word = words.length ? pick(words) : pick(COMMON_WORDS)
    const start = between(0, Math.max(0, word.length - length))
    return word.slice(start, start + length)
  }
  const runs = pick(samples)
    .match(/[\u4e00-\u9fff0-9]+/g)!
    .filter((run) => run.length >= length)
  const run = runs.length ? pick(runs) : '退役军人'
  const start = between(0, run.length - Math.min(length, run.length))
  return run.slice(start, start + length)
}

function queries(samples: string[]): PolicyQuery[] {
  return Array.from({ length: QUERIES + WARMUP }, () => {
    const q = Array.from({ length: between(1, 3) }, () => queryTerm(samples)).join(' ')
    const r = random()
    return r < 0.1
      ? { q, validity: 'all' }
      : r < 0.2
        ? { q, category: pick(TOPICS) }
        : r < 0.25
          ? { q, level: 'city' }
          : { q }
  })
}

// ---- measurement --------------------------------------------------------------------------------------------------

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
const ms = (n: number) => n.toFixed(2).padStart(7)

async function timed<T>(inputs: T[], run: (input: T) => Promise<unknown>) {
  for (const input of inputs.slice(0, WARMUP)) await run(input)
  const times: number[] = []
  for (const input of inputs.slice(WARMUP)) {
    const start = performance.now()
    await run(input)
    times.push(performance.now() - start)
  }
  return stats(times)
}

function stats(times: number[]) {
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), max: times[times.length - 1]! }
}

/** The first 200 measured queries on an empty cache; the first query (not counted) loads the catalog. */
async function timedCold<T>(inputs: T[], run: (input: T) => Promise<unknown>) {
  await run(inputs[0]!)
  const times: number[] = []
  for (const input of inputs.slice(WARMUP, WARMUP + 200)) {
    const start = performance.now()
    await run(input)
    times.push(performance.now() - start)
  }
  return stats(times)
}

const line = (s: { p50: number; p99: number; max: number }) =>
  `p50 ${ms(s.p50)} ms   p99 ${ms(s.p99)} ms   max ${ms(s.max)} ms`

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'policy-search-bench-'))
  const file = path.join(dir, 'bench.db')
  const app = await buildApp(testConfig({ DATABASE_URL: `file:${file}`, SEED: 'demo' }))
  try {
    await app.ready()
    const signIn = async (username: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/staff',
        payload: { username, password: 'demo-password-2026' }
      })
      return response.json().user.id as string
    }
    const people = { authorId: await signIn('city'), approverId: await signIn('admin') }

    console.log(`policy search benchmark: ${POLICIES.toLocaleString('en')} generated policies, ${QUERIES} queries`)
    let generateMs = 0
    let buildMs = 0
    let chars = 0
    const ids: string[] = []
    const samples: string[] = []
    for (let done = 0; done < POLICIES; done += BATCH) {
      let start = performance.now()
      const batch = Array.from({ length: Math.min(BATCH, POLICIES - done) }, (_, i) => generatePolicy(done + i))
      generateMs += performance.now() - start
      for (const p of batch) chars += p.title.length + p.summary.length + p.body.length
      samples.push(...batch.slice(0, 5).map((p) => p.body))
      start = performance.now()
      ids.push(...(await policies.loadPublishedPolicies(app, batch, people)))
      buildMs += performance.now() - start
    }
    const optimizeStart = performance.now()
    await policies.optimizeSearchIndex(app)
    buildMs += performance.now() - optimizeStart
    app.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const sizeMb = statSync(file).size / 1e6
    console.log(
      `  corpus      ${(chars / POLICIES).toFixed(0)} characters per policy on average, generated in ${(generateMs / 1000).toFixed(1)} s`
    )
    console.log(
      `  index build ${(buildMs / 1000).toFixed(1)} s (${Math.round(POLICIES / (buildMs / 1000))} policies/s: rows, segmentation, FTS5, optimize)`
    )
    console.log(`  database    ${sizeMb.toFixed(1)} MB (policies, FTS5 index and the demo data)`)

    const mixed = queries(samples)
    let hits = 0
    let totals = 0
    const search = await timed(mixed, async (query) => {
      const result = await policies.searchPolicies(app, query)
      if (result.total > 0) hits++
      totals += result.total
    })
    const lookup = await timed(
      Array.from({ length: QUERIES + WARMUP }, () => pick(ids)),
      (id) => policies.getPolicy(app, id)
    )
    // The same queries again on a second connection to the file: its posting-list cache starts empty.
    const cold = await buildApp(testConfig({ DATABASE_URL: `file:${file}`, SEED: 'none' }))
    await cold.ready()
    let coldStats
    try {
      coldStats = await timedCold(mixed, (query) => policies.searchPolicies(cold, query))
    } finally {
      await cold.close()
    }
    const measured = QUERIES + WARMUP
    console.log(
      `  queries     ${Math.round((hits / measured) * 100)} % found something, ${Math.round(totals / measured)} matches on average`
    )
    console.log(`  search      p50 ${ms(search.p50)} ms   p99 ${ms(search.p99)} ms   max ${ms(search.max)} ms`)
    console.log(
      `  cold cache  p50 ${ms(coldStats.p50)} ms   p99 ${ms(coldStats.p99)} ms   max ${ms(coldStats.max)} ms   (first 200 measured queries, new connection)`
    )
    console.log(
      `  baseline    p50 ${ms(lookup.p50)} ms   p99 ${ms(lookup.p99)} ms   max ${ms(lookup.max)} ms   (one policy by primary key)`
    )
    console.log(
      `  ratio       p50 ×${(search.p50 / lookup.p50).toFixed(1)}   p99 ×${(search.p99 / lookup.p99).toFixed(1)}`
    )
    console.log(`  target      search p99 ≤ ${TARGET_P99_MS} ms: ${search.p99 <= TARGET_P99_MS ? 'PASS' : 'MISS'}`)

    // The engine alone on SQLite and on PostgreSQL, the same policies and queries.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const engine = (store: Parameters<typeof policies.runSearch>[0]) => (query: PolicyQuery) =>
      policies.runSearch(store, policies.searchRequest(query, 'in_force', { kind: 'public' }, today))
    const sqliteEngine = await timed(mixed, engine(policies.sqliteSearchStore(app.db)))
    let sqliteEngineCold
    const coldApp = await buildApp(testConfig({ DATABASE_URL: `file:${file}`, SEED: 'none' }))
    await coldApp.ready()
    try {
      sqliteEngineCold = await timedCold(mixed, engine(policies.sqliteSearchStore(coldApp.db)))
    } finally {
      await coldApp.close()
    }
    const database = await createTestDatabase()
    try {
      const mirrorStart = performance.now()
      const mirror = await policies.openPostgresSearchMirror(app.db, database.url)
      const mirrorSeconds = (performance.now() - mirrorStart) / 1000
      try {
        const { rows } = await mirror.pool.query<{ total: string; search: string }>(
          `SELECT pg_database_size(current_database()) AS total, pg_total_relation_size('policy_search') AS search`
        )
        const postgresEngine = await timed(mixed, engine(mirror.newStore()))
        const postgresEngineCold = await timedCold(mixed, engine(mirror.newStore()))
        const postgresVerdict = postgresEngine.p99 <= TARGET_P99_MS ? 'PASS' : 'MISS'
        console.log(
          `  postgresql  mirrored and indexed in ${mirrorSeconds.toFixed(1)} s; database ${(Number(rows[0]!.total) / 1e6).toFixed(1)} MB, of which policy_search ${(Number(rows[0]!.search) / 1e6).toFixed(1)} MB`
        )
        console.log(`  engine only (search engine, no page rows or snippets):`)
        console.log(`    sqlite      ${line(sqliteEngine)}`)
        console.log(`    sqlite cold ${line(sqliteEngineCold)}`)
        console.log(`    postgresql  ${line(postgresEngine)}`)
        console.log(`    pg cold     ${line(postgresEngineCold)}`)
        console.log(`  target      postgresql engine p99 ≤ ${TARGET_P99_MS} ms: ${postgresVerdict}`)
        recordResult('search', {
          engineOnly: {
            sqliteMs: sqliteEngine,
            sqliteColdCacheMs: sqliteEngineCold,
            postgresMs: postgresEngine,
            postgresColdCacheMs: postgresEngineCold
          },
          postgresMirrorSeconds: mirrorSeconds,
          postgresDatabaseMb: Number(rows[0]!.total) / 1e6,
          postgresTarget: `postgresql engine p99 ≤ ${TARGET_P99_MS} ms: ${postgresVerdict}`
        })
      } finally {
        await mirror.close()
      }
    } finally {
      await database.drop()
    }
    recordResult('search', {
      policies: POLICIES,
      queries: QUERIES,
      indexBuildSeconds: buildMs / 1000,
      databaseMb: sizeMb,
      searchMs: { p50: search.p50, p99: search.p99, max: search.max },
      coldCacheMs: { p50: coldStats.p50, p99: coldStats.p99, max: coldStats.max },
      primaryKeyBaselineMs: { p50: lookup.p50, p99: lookup.p99, max: lookup.max },
      target: `search p99 ≤ ${TARGET_P99_MS} ms: ${search.p99 <= TARGET_P99_MS ? 'PASS' : 'MISS'}`
    })
  } finally {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
