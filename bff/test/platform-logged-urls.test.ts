import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app'
import { loggedUrl } from '../src/lib/logger'
import { signInStaff, testConfig } from '../src/testing/index'

describe('URLs in logs', () => {
  it('keep the path and the query’s parameter names, never its values', () => {
    expect(loggedUrl('/api/v1/staff/veterans?q=%E6%9D%8E%E5%BF%97%E5%BC%BA&limit=20')).toBe(
      '/api/v1/staff/veterans?q=…&limit=…'
    )
    expect(loggedUrl('/api/v1/staff/veterans/419902195803120313')).toBe('/api/v1/staff/veterans/[ID-NUMBER]')
    expect(loggedUrl('/api/v1/x?%E6%9D%8E=1&13800138000')).toBe('/api/v1/x?…&…')
    expect(loggedUrl('/healthz')).toBe('/healthz')
  })

  it('do not carry a name searched for, or the reason given for a reveal', async () => {
    const lines: string[] = []
    const app = await buildApp(testConfig({ LOG_LEVEL: 'info' }), { logStream: { write: (line) => lines.push(line) } })
    await app.ready()
    const staff = await signInStaff(app, 'admin')
    const name = encodeURIComponent('李志强')
    const search = await staff.request({ method: 'GET', url: `/api/v1/staff/veterans?q=${name}` })
    const record = search.json().items[0].id as string
    const reveal = await staff.request({ method: 'GET', url: `/api/v1/staff/veterans/${record}/pii?reason=${name}` })
    await app.close()
    expect(search.statusCode).toBe(200)
    expect(reveal.statusCode).toBe(200)
    const text = lines.join('')
    expect(text).toContain('/api/v1/staff/veterans?q=…')
    expect(text).not.toContain(name)
  })
})
