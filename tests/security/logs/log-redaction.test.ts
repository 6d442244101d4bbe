import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { idNumberCheckChar } from '@veterans/shared'
import { buildTestApp, DEMO_VETERANS, signInStaff, signInWechat, type Session } from '@veterans/bff/testing'

// A representative day's traffic with the app's logger at `debug`, written to a captured stream: the log holds none
// of the ID numbers, phones or names the traffic carried — not as typed, not percent-encoded in a URL.

const NEW_VETERAN = {
  name: '欧阳测试',
  idNumber: withCheck('41990319920315987'),
  phone: '13712345678'
}
const RESIDENT = { displayName: '赵测试', phone: '15012345678' }
const LI = { ...DEMO_VETERANS.liZhiqiang, phone: '13912345678' }
const WANG = { ...DEMO_VETERANS.wangJianguo, phone: '13800138000' }

function withCheck(first17: string) {
  return first17 + idNumberCheckChar(first17)
}

/** Everything that must not be in the log, and the forms it takes in a URL. */
const SECRETS = [NEW_VETERAN, RESIDENT, LI, WANG]
  .flatMap((person) => Object.values(person))
  .flatMap((value) => [value, encodeURIComponent(value)])

describe('personal data in logs', () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>
  const lines: string[] = []
  let requests = 0

  const expectStatus = async <R extends { statusCode: number; body: string }>(pending: Promise<R>, status: number) => {
    const response = await pending
    requests += 1
    expect(response.statusCode, response.body.slice(0, 300)).toBe(status)
    return response
  }

  beforeAll(async () => {
    app = await buildTestApp({ LOG_LEVEL: 'debug' }, { logStream: { write: (line: string) => void lines.push(line) } })
  })
  afterAll(async () => app.close())

  it('keeps ID numbers, phones and names out of a debug log of sign-ins, binding, booking, messages, registry work and failures', async () => {
    const admin = await signInStaff(app, 'admin')
    const laowang = await signInWechat(app, 'laowang')
    const resident = await signInWechat(app, 'security-logs-resident')

    // Registry: a new record, searches by name, ID number and phone, a reveal and an unmasked export.
    const created = await expectStatus(
      admin.request({
        method: 'POST',
        url: '/api/v1/staff/veterans',
        payload: { ...NEW_VETERAN, districtCode: '419903', category: 'soldier' }
      }),
      201
    )
    const recordId = created.json().id as string
    for (const q of [NEW_VETERAN.name, NEW_VETERAN.idNumber, LI.name, LI.phone]) {
      await expectStatus(
        admin.request({ method: 'GET', url: `/api/v1/staff/veterans?q=${encodeURIComponent(q)}` }),
        200
      )
    }
    const reason = encodeURIComponent(`核对${NEW_VETERAN.name}的身份`)
    await expectStatus(
      admin.request({ method: 'GET', url: `/api/v1/staff/veterans/${recordId}/pii?reason=${reason}` }),
      200
    )
    await expectStatus(
      admin.request({ method: 'GET', url: `/api/v1/staff/veterans/export?format=csv&unmasked=true&reason=${reason}` }),
      200
    )

    // A resident: profile with a phone, two failed bindings, then the right one.
    await expectStatus(resident.request({ method: 'PATCH', url: '/api/v1/me', payload: RESIDENT }), 200)
    await expectStatus(
      resident.request({
        method: 'POST',
        url: '/api/v1/me/veteran',
        payload: { name: LI.name, idNumber: NEW_VETERAN.idNumber }
      }),
      404
    )
    const badChecksum = NEW_VETERAN.idNumber.slice(0, 17) + (NEW_VETERAN.idNumber.endsWith('1') ? '2' : '1')
    await expectStatus(
      resident.request({
        method: 'POST',
        url: '/api/v1/me/veteran',
        payload: { name: NEW_VETERAN.name, idNumber: badChecksum }
      }),
      422
    )
    await expectStatus(
      resident.request({
        method: 'POST',
        url: '/api/v1/me/veteran',
        payload: { name: NEW_VETERAN.name, idNumber: NEW_VETERAN.idNumber }
      }),
      200
    )

    // Booking and a message that quotes the person's own numbers, as people do.
    await book(resident, `回电 ${NEW_VETERAN.phone}`)
    await expectStatus(
      resident.request({
        method: 'POST',
        url: '/api/v1/threads',
        payload: {
          category: 'pension',
          subject: `${NEW_VETERAN.name}的抚恤金`,
          body: `我是${NEW_VETERAN.name}，身份证 ${NEW_VETERAN.idNumber}，电话 ${NEW_VETERAN.phone}`
        }
      }),
      201
    )
    await expectStatus(laowang.request({ method: 'GET', url: '/api/v1/me/export' }), 200)

    // Failures: a wrong password, a duplicate record, bad and broken bodies, an ID number where an id goes.
    await expectStatus(
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/staff',
        payload: { username: WANG.name, password: WANG.idNumber }
      }),
      401
    )
    await expectStatus(
      admin.request({
        method: 'POST',
        url: '/api/v1/staff/veterans',
        payload: { ...NEW_VETERAN, districtCode: '419903', category: 'soldier' }
      }),
      409
    )
    await expectStatus(
      resident.request({ method: 'PATCH', url: '/api/v1/me', payload: { phone: `x${RESIDENT.phone}` } }),
      400
    )
    await expectStatus(
      resident.request({
        method: 'POST',
        url: '/api/v1/me/veteran',
        headers: { 'content-type': 'application/json' },
        payload: `{"name":"${WANG.name}","idNumber":"${WANG.idNumber}"`
      }),
      400
    )
    await expectStatus(admin.request({ method: 'GET', url: `/api/v1/staff/veterans/${WANG.idNumber}` }), 404)
    await expectStatus(resident.request({ method: 'DELETE', url: '/api/v1/me' }), 204)

    const log = lines.join('')
    const leaks = SECRETS.filter((secret) => log.includes(secret))
    console.log(
      `[logs] requests=${requests} log-lines=${lines.length} bytes=${log.length} values-checked=${SECRETS.length} leaks=${leaks.length}`
    )
    // The log did record this traffic, at debug level: an empty log would pass the check below for nothing.
    expect(app.log.level).toBe('debug')
    expect(lines.filter((line) => line.includes('/api/v1/staff/veterans')).length).toBeGreaterThan(5)
    expect(leaks).toEqual([])
  })

  /** Books the first bookable slot of the first center that has one. */
  async function book(session: Session, note: string) {
    const centers = await expectStatus(session.request({ method: 'GET', url: '/api/v1/centers' }), 200)
    for (const center of centers.json().items as { id: string }[]) {
      const slots = await expectStatus(
        session.request({ method: 'GET', url: `/api/v1/slots?centerId=${center.id}` }),
        200
      )
      const slot = (slots.json().items as { id: string; bookable: boolean }[]).find((s) => s.bookable)
      if (!slot) continue
      const booking = session.request({
        method: 'POST',
        url: '/api/v1/bookings',
        headers: { 'idempotency-key': 'security-logs-booking' },
        payload: { slotId: slot.id, note }
      })
      return expectStatus(booking, 201)
    }
    expect.fail('no bookable demo slot')
  }
})
