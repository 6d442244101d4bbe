// The data of routes.bench.ts, written through the BFF's own API into a file database before the measured server
// starts: the demo data, VETERANS veterans signed in and bound to their records (encrypted ID numbers, as in real
// use), slots for their bookings, a thread each for some of them, NOTICES notices sent to every veteran, and the
// demo policies in POLICY_EDITIONS editions (several hundred policies of real text). Synchronous NORMAL while
// seeding (nothing here needs to survive a power cut); the measured server opens the file with the default, FULL.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { PolicyInput } from '@veterans/shared'
import { beijingDayFromToday, benchSlotTimes } from './booking-load'

const VETERANS = 600
const THREADS = 300
const NOTICES = 25
const POLICY_EDITIONS = 10
const CAPACITY = 5
const SERVICES = [
  'employment',
  'records',
  'education',
  'counselling',
  'legal_aid',
  'hardship_aid',
  'preferential_card',
  'entitlement',
  'entrepreneurship',
  'medical'
]
/** What people type into the policy search (1–2 terms), each asked in turn. */
const POLICY_QUERIES = [
  '优待证',
  '抚恤',
  '就业 创业',
  '医疗',
  '培训 补贴',
  '退役金',
  '住房',
  '教育',
  '伤残',
  '社会保险',
  '创业担保贷款',
  '公共交通',
  '安置',
  '军属',
  '困难 帮扶',
  '优先'
]
export const MESSAGE = '您好，请问退役金每月几号发放？我上个月的还没有到账，需要带哪些材料去服务中心？'

export interface Seeded {
  /** Access tokens of veterans, for the reads. */
  readers: string[]
  /** Bookings that can all succeed: each veteran books each service once, at times of theirs that differ. */
  bookings: { token: string; slotId: string }[]
  /** Residents with a thread of their own. */
  threads: { token: string; threadId: string }[]
  slotsPaths: string[]
  policyPaths: string[]
  /** Real 201 answers, for the bare POST routes to answer the same. */
  bookingAnswer: Record<string, unknown>
  messageAnswer: Record<string, unknown>
  counts: Record<string, number>
}

interface DemoPolicy extends Omit<PolicyInput, 'body' | 'relatedServiceIds' | 'supersedesId'> {
  body: string | string[]
}

/** The demo policies in `editions` editions each: real titles and bodies, other numbers and titles. */
function policyEditions(editions: number): PolicyInput[] {
  const dir = path.join(import.meta.dirname, '..', '..', 'config', 'demo', 'policies')
  const demo = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as DemoPolicy[])
  return Array.from({ length: editions }, (_, edition) =>
    demo.map((p): PolicyInput => ({
      title: `${p.title}（${2016 + edition}年版）`,
      docNumber: `${p.docNumber}-${edition}`,
      issuer: p.issuer,
      level: p.level,
      category: p.category,
      summary: p.summary,
      body: Array.isArray(p.body) ? p.body.join('\n\n') : p.body,
      effectiveFrom: p.effectiveFrom,
      ...(p.effectiveTo ? { effectiveTo: p.effectiveTo } : {}),
      ...(p.eligibility ? { eligibility: p.eligibility } : {})
    }))
  ).flat()
}

export async function seedRoutesData(dbFile: string): Promise<Seeded> {
  const { buildApp } = await import('@veterans/bff')
  const { testConfig, signInStaff, signInWechat, policies } = await import('@veterans/bff/testing')
  const { idNumberCheckChar } = await import('@veterans/shared')
  const app = await buildApp(
    testConfig({ DATABASE_URL: `file:${dbFile}`, DB_SYNCHRONOUS: 'normal', LOG_LEVEL: 'silent', RATE_LIMITS: 'off' })
  )
  await app.ready()
  try {
    const [admin, city] = await Promise.all([signInStaff(app, 'admin'), signInStaff(app, 'city')])
    const json = <T>(r: { statusCode: number; body: string }, expected: number): T => {
      if (r.statusCode !== expected)
        throw new Error(`seeding: expected ${expected}, got ${r.statusCode} ${r.body.slice(0, 300)}`)
      return JSON.parse(r.body) as T
    }
    const get = <T>(url: string) => admin.request({ method: 'GET', url }).then((r) => json<T>(r, 200))
    const centers = (await get<{ items: { id: string; name: string }[] }>('/api/v1/centers')).items
    const services = (await get<{ items: { id: string; code: string }[] }>('/api/v1/services')).items
    const serviceId = (code: string) => services.find((s) => s.code === code)!.id
    const centerId = (name: string) => centers.find((c) => c.name === name)!.id

    // Veterans as they become eligible: a registry record, a WeChat sign-in, the binding.
    const tokens: string[] = []
    for (let start = 0; start < VETERANS; start += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, VETERANS - start) }, async (_, k) => {
          const i = start + k
          const first17 = `419921${1960 + (i % 40)}${String(1 + (Math.floor(i / 40) % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 480) % 28)).padStart(2, '0')}${String(960 + (i % 7)).padStart(3, '0')}`
          const idNumber = first17 + idNumberCheckChar(first17)
          const name = `路由${i}`
          const payload = { name, idNumber, districtCode: '419921', category: 'soldier' }
          json(await admin.request({ method: 'POST', url: '/api/v1/staff/veterans', payload }), 201)
          const session = await signInWechat(app, `routes-${i}`)
          json(await session.request({ method: 'POST', url: '/api/v1/me/veteran', payload: { name, idNumber } }), 200)
          return session.accessToken
        })
      )
      tokens.push(...batch)
    }

    // Slots of the next 14 days at minutes the demo schedule never uses (…:05, …:25, …:45), capacity 5.
    const day = beijingDayFromToday
    const times = benchSlotTimes()
    const bookingCenter = centerId('东湖区退役军人服务中心')
    const bookings: Seeded['bookings'] = []
    for (const [serviceIndex, code] of SERVICES.entries()) {
      const range = { centerId: bookingCenter, serviceId: serviceId(code), from: day(1), to: day(14) }
      const batch = { ...range, weekdays: [1, 2, 3, 4, 5, 6], times, capacity: CAPACITY }
      json(await admin.request({ method: 'POST', url: '/api/v1/staff/slots/batch', payload: batch }), 201)
      const listed = (
        await get<{ items: { id: string; startsAt: string }[] }>(`/api/v1/staff/slots?${new URLSearchParams(range)}`)
      ).items
        .filter((s) => Number(s.startsAt.slice(14, 16)) % 10 === 5)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      if (listed.length * CAPACITY < VETERANS + SERVICES.length * CAPACITY)
        throw new Error(`seeding: ${listed.length} slots of ${code} are too few for ${VETERANS} veterans`)
      // The veterans' order turns by one slot's worth per service, and every service has the same times: a
      // veteran's bookings of different services are at different times (no TIME_CONFLICT).
      for (let place = 0; place < VETERANS; place++)
        bookings.push({
          token: tokens[(place + serviceIndex * CAPACITY) % VETERANS]!,
          slotId: listed[Math.floor(place / CAPACITY)]!.id
        })
    }
    // Taken service by service the first requests would all be one service's; interleaved, like real demand.
    bookings.sort((a, b) => a.slotId.localeCompare(b.slotId))

    const threads = await Promise.all(
      tokens.slice(0, THREADS).map(async (token, i) => {
        const created = await app.inject({
          method: 'POST',
          url: '/api/v1/threads',
          headers: { authorization: `Bearer ${token}` },
          payload: { category: 'pension', subject: `退役金发放咨询 ${i}`, body: MESSAGE }
        })
        return { token, threadId: json<{ id: string }>(created, 201).id }
      })
    )

    // Notices to every veteran, sent one after another as a center would, each fanned out before the next.
    for (let n = 0; n < NOTICES; n++) {
      const notice = {
        title: `第 ${n + 1} 期：退役军人服务信息`,
        body: `全市退役军人：\n\n本期介绍优待证办理、退役金发放和就业培训报名的安排。（第 ${n + 1} 期）`,
        audience: { roles: ['veteran'] }
      }
      const { id } = json<{ id: string }>(
        await city.request({ method: 'POST', url: '/api/v1/staff/notices', payload: notice }),
        201
      )
      json(await city.request({ method: 'POST', url: `/api/v1/staff/notices/${id}/submit` }), 200)
      json(await admin.request({ method: 'POST', url: `/api/v1/staff/notices/${id}/approve` }), 200)
      const send = { method: 'POST' as const, url: `/api/v1/staff/notices/${id}/send` }
      json(await city.request({ ...send, headers: { 'idempotency-key': `routes-notice-${n}` } }), 200)
      for (;;) {
        const { status } = json<{ status: string }>(
          await city.request({ method: 'GET', url: `/api/v1/staff/notices/${id}` }),
          200
        )
        if (status === 'sent') break
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    }

    const people = { authorId: city.user.id, approverId: admin.user.id }
    const policyIds = await policies.loadPublishedPolicies(app, policyEditions(POLICY_EDITIONS), people)
    await policies.optimizeSearchIndex(app)

    // One real booking and one real message: what the bare POST routes answer.
    const first = bookings.shift()!
    const bookingAnswer = json<Record<string, unknown>>(
      await app.inject({
        method: 'POST',
        url: '/api/v1/bookings',
        headers: { authorization: `Bearer ${first.token}`, 'idempotency-key': 'routes-template' },
        payload: { slotId: first.slotId }
      }),
      201
    )
    const messageAnswer = json<Record<string, unknown>>(
      await app.inject({
        method: 'POST',
        url: `/api/v1/threads/${threads[0]!.threadId}/messages`,
        headers: { authorization: `Bearer ${threads[0]!.token}`, 'idempotency-key': 'routes-template' },
        payload: { body: MESSAGE }
      }),
      201
    )

    // What a person choosing a time reads: the demo schedule of one service at one center, two weeks.
    const slotsPaths = ['西江区退役军人服务中心', '南山区退役军人服务中心', '北塘区退役军人服务中心'].flatMap((name) =>
      ['preferential_card', 'employment', 'entitlement'].map(
        (code) =>
          `/api/v1/slots?${new URLSearchParams({ centerId: centerId(name), serviceId: serviceId(code), from: day(1), to: day(14) })}`
      )
    )
    const policyPaths = POLICY_QUERIES.map((q) => `/api/v1/policies?${new URLSearchParams({ q })}`)
    return {
      readers: tokens.slice(0, 100),
      bookings,
      threads,
      slotsPaths,
      policyPaths,
      bookingAnswer,
      messageAnswer,
      counts: {
        veterans: VETERANS,
        threads: THREADS,
        noticesPerVeteran: NOTICES,
        policiesAdded: policyIds.length,
        plannedBookings: bookings.length
      }
    }
  } finally {
    await app.close()
  }
}
