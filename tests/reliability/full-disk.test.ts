// A full disk: the BFF's data directory (database and uploads) on a small tmpfs, filled up with a filler file while
// the server runs. Writes must get 503 STORAGE_FULL with the contract's error body and nothing saved, reads must
// keep answering, a photo must leave no partial file; when the filler goes, the same requests (same
// Idempotency-Keys) succeed without a restart, exactly once, and the database file is intact.
import { randomUUID } from 'node:crypto'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { ERRORS } from '@veterans/shared'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { DATABASE_FILE, startBff, type BffProcess } from './harness/bff-process'
import { checkpointTruncate, halfWritten, integrityCheck, openReadOnly, type ReadOnlyDb } from './harness/database'
import { fillDisk, freeBytes, mountTmpfs, type SmallDisk } from './harness/disk'
import { expectJson, HttpClient, type Answer } from './harness/http'
import { multipartPhoto, noisePng } from './harness/photo'
import {
  beijingDay,
  createSlots,
  createVeterans,
  openThreads,
  reference,
  signInStaff,
  type Slot,
  type Veteran
} from './harness/population'

/** Room for the seeded database (about 7 MB with its WAL) and what the test adds. */
const DISK_MB = 32

let disk: SmallDisk
let bff: BffProcess
let client: HttpClient
let veterans: Veteran[]
let threadIds: string[]
let slots: Slot[]
let centerId: string
const startedAt = Date.now()

beforeAll(async () => {
  disk = mountTmpfs(DISK_MB)
  bff = await startBff(disk.dir)
  client = new HttpClient(bff.port)
  const admin = await signInStaff(client, 'admin')
  const ref = await reference(client, admin)
  centerId = ref.centerId
  veterans = await createVeterans(client, admin, 3, 'D')
  threadIds = await openThreads(client, veterans, ref)
  slots = await createSlots(client, await signInStaff(client, 'linhe'), ref, 2, 5)
})

afterAll(async () => {
  client?.close()
  await bff?.stop()
  disk?.unmount()
  console.log(`Full disk: duration ${((Date.now() - startedAt) / 1000).toFixed(1)} s`)
})

const STORAGE_FULL_BODY = { error: { code: 'STORAGE_FULL', message: ERRORS.STORAGE_FULL.message, details: {} } }

function expectStorageFull(answer: Answer, what: string) {
  expect({ what, status: answer.status, body: answer.body ? JSON.parse(answer.body) : null }).toEqual({
    what,
    status: 503,
    body: STORAGE_FULL_BODY
  })
}

interface Write {
  what: string
  path: string
  token?: string
  body: Record<string, unknown>
  key?: string
}

/** What the full-disk writes left: the veteran's booking of slot 0, the messages, the new thread, the cancellation. */
function savedOf(db: ReadOnlyDb, veteran: Veteran, keptBookingId: string, messageBodies: string[]) {
  const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n
  return {
    bookings: count(
      "SELECT count(*) AS n FROM bookings WHERE booked_by_user_id = ? AND slot_id = ? AND status = 'booked'",
      veteran.userId,
      slots[0]!.id
    ),
    /** How many times each message is there. */
    messages: messageBodies.map((body) => count('SELECT count(*) AS n FROM thread_messages WHERE body = ?', body)),
    housingThreads: count(
      'SELECT count(*) AS n FROM threads WHERE subject = ? AND resident_user_id = ?',
      '住房补贴申请',
      veteran.userId
    ),
    keptBookingStatus: (db.prepare('SELECT status FROM bookings WHERE id = ?').get(keptBookingId) as { status: string })
      .status
  }
}

const uploadedFiles = () => readdirSync(path.join(disk.dir, 'uploads')).sort()

test('a photo on a full disk: 503 STORAGE_FULL, no partial file left, stored once there is room', async () => {
  const [veteran] = veterans
  const photo = multipartPhoto(noisePng(600 * 1024))
  const upload = () => client.request('POST', '/api/v1/uploads', { token: veteran!.token, raw: photo })
  expectJson(await upload(), 201, 'an upload while there is room')
  const before = uploadedFiles()

  // Less room than the photo: its file can be begun but not finished.
  const filler = fillDisk(disk.dir, 200 * 1024)
  try {
    expect(freeBytes(disk.dir)).toBeLessThan(600 * 1024)
    expectStorageFull(await upload(), 'POST /uploads')
    expect(uploadedFiles()).toEqual(before)
  } finally {
    filler.remove()
  }
  expectJson(await upload(), 201, 'the same upload once there is room')
  expect(uploadedFiles()).toHaveLength(before.length + 1)
  expect(bff.errorLogs()).toEqual([])
})

test('database writes on a full disk: 503 STORAGE_FULL and nothing saved, reads answer, recovery without restart', async () => {
  const [veteran, other] = veterans as [Veteran, Veteran]
  const threadId = threadIds[0]!
  const otherThreadId = threadIds[1]!
  const kept = expectJson<{ id: string }>(
    await client.post('/api/v1/bookings', other.token, { slotId: slots[1]!.id }, `disk-${randomUUID()}`),
    201,
    'a booking made while there is room'
  )
  const messageBody = `磁盘满时发送的消息 ${randomUUID()}`
  // The writes tried on the full disk, each sent again as it was once there is room.
  const writes: Write[] = [
    {
      what: 'POST /bookings',
      path: '/api/v1/bookings',
      token: veteran.token,
      body: { slotId: slots[0]!.id },
      key: 'disk-booking'
    },
    {
      what: 'POST /threads/:id/messages',
      path: `/api/v1/threads/${threadId}/messages`,
      token: veteran.token,
      body: { body: messageBody },
      key: 'disk-message'
    },
    {
      what: 'POST /threads',
      path: '/api/v1/threads',
      token: veteran.token,
      body: { category: 'housing', subject: '住房补贴申请', body: `请问住房补贴怎么申请？${randomUUID()}` }
    },
    {
      what: 'POST /bookings/:id/cancel',
      path: `/api/v1/bookings/${kept.id}/cancel`,
      token: other.token,
      body: { reason: '行程有变' }
    },
    { what: 'POST /auth/wechat', path: '/api/v1/auth/wechat', body: { code: `dev:${veteran.wechatName}` } }
  ]
  // Many writes at once, sharing group commits: none may be half-saved when their commit fails.
  const burst = Array.from({ length: 20 }, (_, i) => ({
    token: other.token,
    body: { body: `同一批提交的消息 ${i} ${randomUUID()}` },
    key: `disk-burst-${i}`
  }))
  const send = (w: Omit<Write, 'what'>) => client.post(w.path, w.token, w.body, w.key)
  const sendBurst = () =>
    Promise.all(burst.map((b) => send({ ...b, path: `/api/v1/threads/${otherThreadId}/messages` })))

  checkpointTruncate(path.join(disk.dir, DATABASE_FILE))
  const filler = fillDisk(disk.dir, 0)
  const warningsBefore = bff.logs.filter((line) => line.includes('STORAGE_FULL')).length
  try {
    expect(freeBytes(disk.dir)).toBe(0)
    for (const write of writes) expectStorageFull(await send(write), write.what)
    for (const [i, answer] of (await sendBurst()).entries()) expectStorageFull(answer, `burst message ${i}`)

    // Reads go on.
    const reads = [
      '/api/v1/me',
      `/api/v1/slots?centerId=${centerId}&serviceId=${slots[0]!.serviceId}&from=${beijingDay(2)}&to=${beijingDay(3)}`,
      `/api/v1/policies?q=${encodeURIComponent('退役')}`,
      `/api/v1/threads/${threadId}/messages`,
      '/api/v1/bookings',
      '/api/v1/notices'
    ]
    for (const read of reads)
      expect({ read, status: (await client.get(read, veteran.token)).status }).toEqual({ read, status: 200 })
    expect((await client.get('/healthz')).status).toBe(200)
    expect((await client.get('/readyz')).status).toBe(200)
    expect(bff.child.exitCode).toBeNull()

    // "Nothing was saved", as the message says (a retry with the same key could not tell: it would replay).
    const db = openReadOnly(path.join(disk.dir, DATABASE_FILE))
    try {
      expect(savedOf(db, veteran, kept.id, [messageBody, ...burst.map((b) => b.body.body)])).toEqual({
        bookings: 0,
        messages: [0, ...burst.map(() => 0)],
        housingThreads: 0,
        keptBookingStatus: 'booked'
      })
    } finally {
      db.close()
    }
  } finally {
    filler.remove()
  }
  const warnings = bff.logs.filter((line) => line.includes('STORAGE_FULL')).slice(warningsBefore)
  expect(warnings.length).toBe(writes.length + burst.length)
  expect(warnings.every((line) => line.includes('"level":40'))).toBe(true)
  expect(bff.errorLogs()).toEqual([])

  // Room again: the same requests succeed, on the same server.
  const again = await Promise.all(writes.map(send))
  expect(again.map((a, i) => `${writes[i]!.what} ${a.status}`)).toEqual([
    'POST /bookings 201',
    'POST /threads/:id/messages 201',
    'POST /threads 201',
    'POST /bookings/:id/cancel 200',
    'POST /auth/wechat 200'
  ])
  expect((await sendBurst()).map((a) => a.status)).toEqual(burst.map(() => 201))

  const db = openReadOnly(path.join(disk.dir, DATABASE_FILE))
  try {
    expect(savedOf(db, veteran, kept.id, [messageBody, ...burst.map((b) => b.body.body)])).toEqual({
      bookings: 1,
      messages: [1, ...burst.map(() => 1)],
      housingThreads: 1,
      keptBookingStatus: 'cancelled'
    })
    expect(integrityCheck(db)).toBe('ok')
    expect(halfWritten(db)).toEqual({ overbooked: 0, outOfStep: 0, threadsWithGaps: 0, keysWithoutAnswer: 0 })
  } finally {
    db.close()
  }
  console.log(
    `Full disk (tmpfs of ${DISK_MB} MB): ${writes.length + burst.length} writes refused with 503 STORAGE_FULL, ` +
      `${writes.length + burst.length} done exactly once after the filler went, no restart; integrity ok`
  )
})
