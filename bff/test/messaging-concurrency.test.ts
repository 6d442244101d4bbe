import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { answer, ask, entriesSeen, messagesSeen, newKey, write } from './messaging-helpers'

// Sequence numbers are handed out inside the write transaction: many concurrent posts to one thread get 1..n
// with no gap and no duplicate, and one Idempotency-Key sent many times at once makes one message.

let app: FastifyInstance
let laowang: Session
let donghu: Session

beforeAll(async () => {
  app = await buildTestApp()
  ;[laowang, donghu] = await Promise.all([signInWechat(app, 'laowang'), signInStaff(app, 'donghu')])
})
afterAll(() => app.close())

describe('concurrent posting', () => {
  it('numbers 100 concurrent posts 1..100 after the first message, no gaps, no duplicates', async () => {
    const thread = await ask(laowang)
    const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => write(laowang, thread.id, `第${i}条`)))
    expect(responses.every((r) => r.statusCode === 201)).toBe(true)
    const seqs = responses.map((r) => r.json().seq as number).sort((a, b) => a - b)
    expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => i + 2))
    const listed = [
      ...(await messagesSeen(laowang, thread.id, '?limit=100')).items,
      ...(await messagesSeen(laowang, thread.id, '?afterSeq=100')).items
    ]
    expect(listed.map((m) => m.seq)).toEqual(Array.from({ length: 101 }, (_, i) => i + 1))
  })

  it('keeps both numberings gap-free when residents, staff replies and internal notes race', async () => {
    const thread = await ask(laowang)
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 3 === 0
          ? write(laowang, thread.id, `居民${i}`)
          : answer(donghu, thread.id, `工作人员${i}`, { internal: i % 3 === 1 })
      )
    )
    expect(responses.every((r) => r.statusCode === 201)).toBe(true)
    const staffView = [...(await entriesSeen(donghu, thread.id, '?limit=100')).items]
    expect(staffView.map((e) => e.position)).toEqual(Array.from({ length: 61 }, (_, i) => i + 1))
    const publicSeqs = staffView.filter((e) => !e.internal).map((e) => e.seq)
    expect(publicSeqs).toEqual(Array.from({ length: 41 }, (_, i) => i + 1))
    expect((await messagesSeen(laowang, thread.id, '?limit=100')).items.map((m) => m.seq)).toEqual(publicSeqs)
  })

  it('makes one message of 20 concurrent posts with one key, every answer identical', async () => {
    const thread = await ask(laowang)
    const key = newKey()
    const responses = await Promise.all(Array.from({ length: 20 }, () => write(laowang, thread.id, '只发一次', key)))
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201))
    expect(new Set(responses.map((r) => r.body)).size).toBe(1)
    expect((await messagesSeen(laowang, thread.id)).items.map((m) => m.body)).toEqual([
      '请问需要什么材料？',
      '只发一次'
    ])
  })
})
