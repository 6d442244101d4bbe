import { describe, expect, it } from 'vitest'
import { decodeBusEvent, encodeBusEvent, type BusEvent } from '../src/realtime/bus'

// What travels between instances: several frames of one change in one event, each with its own audience.

describe('realtime bus events', () => {
  it('carries frames, in order, each to its audience, text with line breaks included', () => {
    const event: BusEvent = {
      kind: 'frames',
      deliveries: [
        {
          audience: { userIds: ['resident-1'] },
          frame: JSON.stringify({ type: 'message.created', body: '第一行\n第二行' })
        },
        { audience: { staffOfCenterId: 'center-1' }, frame: JSON.stringify({ type: 'thread.updated' }) }
      ]
    }
    expect(decodeBusEvent(encodeBusEvent(event))).toEqual({
      kind: 'frames',
      deliveries: [
        { audience: { userIds: ['resident-1'] }, frame: event.deliveries[0]!.frame },
        { audience: { userIds: [], staffOfCenterId: 'center-1' }, frame: event.deliveries[1]!.frame }
      ]
    })
  })

  it('carries ended logins', () => {
    const event: BusEvent = { kind: 'sessions-ended', sessionIds: ['s1'], userIds: ['u1'] }
    expect(decodeBusEvent(encodeBusEvent(event))).toEqual(event)
  })

  it('reads nothing from a payload that is not an event: no frame reaches anyone by mistake', () => {
    const header = (audiences: unknown) => JSON.stringify({ kind: 'frames', audiences })
    for (const payload of [
      'not json',
      `${header([{ userIds: ['u1'] }, { userIds: ['u2'] }])}\n{"type":"only one frame"}`,
      `${header([{ userIds: ['u1'] }])}\n{"type":"a"}\n{"type":"one frame too many"}`,
      `${header(['not an audience'])}\n{"type":"a"}`,
      header([]),
      JSON.stringify({ kind: 'something else' })
    ]) {
      expect(decodeBusEvent(payload), payload).toBeNull()
    }
  })
})
