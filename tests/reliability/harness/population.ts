// The people and places the reliability tests work with, made through the API as staff and residents would:
// registry records bound to WeChat sign-ins (veterans who may book), slots at one district center, a thread per
// veteran, a notice in their inboxes.
import { idNumberCheckChar } from '@veterans/shared'
import { DEMO_PASSWORD } from './bff-process'
import { expectJson, type HttpClient } from './http'

/** 临河县: its district center and two street stations answer the tests' veterans. */
export const DISTRICT = '419921'
export const CENTER_CODES = ['linhe', 'linhe-chengguan', 'linhe-shuangqiao'] as const

export interface Veteran {
  wechatName: string
  token: string
  userId: string
}

export interface Slot {
  id: string
  serviceId: string
  startsAt: string
  capacity: number
}

export interface Reference {
  centers: { id: string; code: string; name: string }[]
  services: { id: string; code: string }[]
  /** The district center the slots are at. */
  centerId: string
}

interface TokenPair {
  accessToken: string
  user: { id: string }
}

export async function signInStaff(client: HttpClient, username: string): Promise<string> {
  const answer = await client.post('/api/v1/auth/staff', undefined, { username, password: DEMO_PASSWORD })
  return expectJson<TokenPair>(answer, 200, `staff sign-in ${username}`).accessToken
}

export async function signInWechat(client: HttpClient, name: string): Promise<TokenPair> {
  return expectJson<TokenPair>(await client.post('/api/v1/auth/wechat', undefined, { code: `dev:${name}` }), 200, name)
}

export async function reference(client: HttpClient, token: string): Promise<Reference> {
  const centers = expectJson<{ items: { id: string; name: string }[] }>(
    await client.get('/api/v1/centers', token),
    200,
    'centers'
  ).items
  const services = expectJson<{ items: { id: string; code: string }[] }>(
    await client.get('/api/v1/services', token),
    200,
    'services'
  ).items
  // Centers are listed by name; the staff account of each center is named by its code (config/demo/centers.json).
  const byName: Record<string, string> = {
    linhe: '临河县退役军人服务中心',
    'linhe-chengguan': '临河县城关镇退役军人服务站',
    'linhe-shuangqiao': '临河县双桥镇退役军人服务站'
  }
  const ours = CENTER_CODES.map((code) => {
    const center = centers.find((c) => c.name === byName[code])
    if (!center) throw new Error(`demo center ${code} not found`)
    return { ...center, code }
  })
  return { centers: ours, services, centerId: ours[0]!.id }
}

/** In batches of `size` at once, in order. */
export async function inBatches<T, R>(items: T[], size: number, fn: (item: T, index: number) => Promise<R>) {
  const results: R[] = []
  for (let start = 0; start < items.length; start += size)
    results.push(...(await Promise.all(items.slice(start, start + size).map((item, k) => fn(item, start + k)))))
  return results
}

/**
 * `count` veterans of 临河县: a registry record each (created by an admin), a WeChat sign-in, the binding. ID numbers
 * are valid (GB 11643) and distinct per `tag`; birth dates the demo data does not use make clashes unlikely, and a
 * clash (409) just skips that one.
 */
export async function createVeterans(client: HttpClient, adminToken: string, count: number, tag: string) {
  const indexes = Array.from({ length: count + 20 }, (_, i) => i)
  const created = await inBatches(indexes, 16, async (i) => {
    const birth = `${1950 + (i % 45)}${String(1 + (Math.floor(i / 45) % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 540) % 28)).padStart(2, '0')}`
    const first17 = `${DISTRICT}${birth}97${tag.charCodeAt(0) % 10}`
    const idNumber = first17 + idNumberCheckChar(first17)
    const name = `可靠${tag}${i}`
    const record = await client.post('/api/v1/staff/veterans', adminToken, {
      name,
      idNumber,
      districtCode: DISTRICT,
      category: 'soldier'
    })
    if (record.status === 409) return null
    expectJson(record, 201, `registry record ${name}`)
    const wechatName = `rel-${tag}-${i}`
    const pair = await signInWechat(client, wechatName)
    expectJson(
      await client.post('/api/v1/me/veteran', pair.accessToken, { name, idNumber }),
      200,
      `binding ${wechatName}`
    )
    return { wechatName, token: pair.accessToken, userId: pair.user.id } satisfies Veteran
  })
  const veterans = created.filter((v): v is Veteran => v !== null).slice(0, count)
  if (veterans.length < count) throw new Error(`only ${veterans.length} of ${count} veterans could be created`)
  return veterans
}

/** `YYYY-MM-DD` in Beijing, `offset` days from today. */
export function beijingDay(offset: number) {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  return new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)
}

/**
 * Slots of every service at the district center, on `days` days from the day after tomorrow (far from the
 * cancellation cut-off): service k at its own hour (08:05 + k h, 15 minutes), so that one veteran's bookings of
 * different services never overlap in time. Minutes …:05 are not in the demo schedule.
 */
export async function createSlots(
  client: HttpClient,
  staffToken: string,
  ref: Reference,
  days: number,
  capacity: number
): Promise<Slot[]> {
  const from = beijingDay(2)
  const to = beijingDay(1 + days)
  const slots: Slot[] = []
  for (const [k, service] of ref.services.entries()) {
    const hour = String(8 + k).padStart(2, '0')
    expectJson(
      await client.post('/api/v1/staff/slots/batch', staffToken, {
        centerId: ref.centerId,
        serviceId: service.id,
        from,
        to,
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        times: [`${hour}:05-${hour}:20`],
        capacity
      }),
      201,
      `slots of ${service.code}`
    )
    const listed = expectJson<{ items: { id: string; startsAt: string; capacity: number }[] }>(
      await client.get(
        `/api/v1/staff/slots?centerId=${ref.centerId}&serviceId=${service.id}&from=${from}&to=${to}`,
        staffToken
      ),
      200,
      `slots of ${service.code}`
    ).items
    for (const slot of listed) if (slot.startsAt.slice(14, 16) === '05') slots.push({ ...slot, serviceId: service.id })
  }
  if (slots.length < ref.services.length * days) throw new Error(`only ${slots.length} slots were created`)
  return slots
}

/** A thread of each veteran's, at one of the district's centers in turn; answers the thread ids in order. */
export async function openThreads(client: HttpClient, veterans: Veteran[], ref: Reference): Promise<string[]> {
  return inBatches(veterans, 16, async (veteran, i) => {
    const center = ref.centers[i % ref.centers.length]!
    const thread = expectJson<{ id: string }>(
      await client.post('/api/v1/threads', veteran.token, {
        category: 'pension',
        subject: `抚恤补助咨询 ${i}`,
        body: '您好，请问定期抚恤补助今年的标准调整了吗？需要重新提交材料吗？',
        centerId: center.id
      }),
      201,
      `thread of ${veteran.wechatName}`
    )
    return thread.id
  })
}

/** A notice from the district center to the district's veterans, sent: in every one of their inboxes. */
export async function sendDistrictNotice(client: HttpClient, staffToken: string) {
  const notice = expectJson<{ id: string }>(
    await client.post('/api/v1/staff/notices', staffToken, {
      title: '关于开展年度优待证信息核验的通知',
      body: '请持证人于本月内到所在区县退役军人服务中心核验信息，可在小程序预约“优待证申领”服务。',
      audience: { roles: ['veteran'], districts: [DISTRICT] }
    }),
    201,
    'notice draft'
  )
  expectJson(
    await client.post(`/api/v1/staff/notices/${notice.id}/send`, staffToken, {}, `send-${notice.id}`),
    200,
    'notice send'
  )
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const sent = expectJson<{ status: string }>(
      await client.get(`/api/v1/staff/notices/${notice.id}`, staffToken),
      200,
      'notice'
    )
    if (sent.status === 'sent') return notice.id
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('the notice did not reach the inboxes within 30 s')
}
