import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { PolicyMatch } from '@veterans/shared'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import { createDraft, policyInput, publishPolicy, shanghaiDay, staffPair, type Staff } from './policies-fixtures'

let app: FastifyInstance
let staff: Staff
let laowang: Session
let xiaowang: Session

beforeAll(async () => {
  app = await buildTestApp()
  staff = await staffPair(app)
  laowang = await signInWechat(app, 'laowang')
  xiaowang = await signInWechat(app, 'xiaowang')
})
afterAll(() => app.close())

const forMe = async (who: Session): Promise<PolicyMatch[]> => {
  const response = await who.request({ method: 'GET', url: '/api/v1/policies/for-me' })
  expect(response.statusCode, response.body).toBe(200)
  return response.json().items
}
const byTitle = (items: PolicyMatch[], title: string) => items.find((i) => i.title === title)

describe('GET /policies/for-me', () => {
  it('matches the veteran 王建国 (soldier, 东湖区, disability level 8, served 1976–1982) with reasons', async () => {
    const items = await forMe(laowang)
    expect(byTitle(items, '伤残抚恤管理办法')?.matchedBecause).toEqual(['您的伤残等级为 8 级'])
    expect(byTitle(items, '东湖区退役军人关爱帮扶实施方案')?.matchedBecause).toEqual(['您户籍在东湖区'])
    expect(byTitle(items, 'M市农村籍退役士兵服役年限生活补贴办法')?.matchedBecause).toEqual([
      '您是退役士兵',
      '您服役 5 年，满足服役满 2 年的条件'
    ])
    expect(byTitle(items, 'M市七至十级残疾军人旧伤复发医疗费用保障办法')).toBeDefined()
    expect(byTitle(items, 'M市退役军人优待证服务和优待项目清单')?.matchedBecause).toEqual(['本政策适用于全体退役军人'])

    // Not his district, not his disability band, not his category, and nothing out of force.
    for (const title of [
      '西江区退役军人创业孵化基地入驻优惠办法',
      '临河县退役军人返乡创业和乡村振兴带头人扶持办法',
      'M市一至六级残疾军人医疗保障实施办法',
      'M市军休干部服务管理实施细则',
      'M市军队转业干部安置和适应性培训实施办法',
      '退役士兵安置条例',
      '关于进一步扶持自主就业退役士兵创业就业有关税收政策的通知',
      'M市退役军人服务保障体系建设三年行动方案（2027—2029年）',
      '南山区退役军人临时救助暂行办法'
    ]) {
      expect(byTitle(items, title), title).toBeUndefined()
    }
    expect(items.every((i) => i.validity === 'in_force')).toBe(true)
    expect(items.every((i) => i.matchedFor.length === 1 && i.matchedFor[0]!.veteranNameMasked === '王*国')).toBe(true)
  })

  it('lists policies written for people like them before those for every veteran', async () => {
    const items = await forMe(laowang)
    const general = items.findIndex((i) => i.matchedBecause[0] === '本政策适用于全体退役军人')
    expect(general).toBeGreaterThan(3)
    expect(items.slice(general).every((i) => i.matchedBecause[0] === '本政策适用于全体退役军人')).toBe(true)
    expect(items.map((i) => i.forEveryVeteran)).toEqual(items.map((_, index) => index >= general))
  })

  it('shows a family member the policies of the veteran they are linked to, naming them masked', async () => {
    const mine = await forMe(laowang)
    const theirs = await forMe(xiaowang)
    expect(theirs.map((i) => i.id)).toEqual(mine.map((i) => i.id))
    expect(byTitle(theirs, '伤残抚恤管理办法')?.matchedBecause).toEqual(['您的家人王*国的伤残等级为 8 级'])
    expect(byTitle(theirs, '东湖区退役军人关爱帮扶实施方案')?.matchedBecause).toEqual(['您的家人王*国户籍在东湖区'])
    expect(byTitle(theirs, 'M市退役军人优待证服务和优待项目清单')?.matchedBecause).toEqual([
      '本政策适用于全体退役军人，包括您的家人王*国'
    ])
    const raw = (await xiaowang.request({ method: 'GET', url: '/api/v1/policies/for-me' })).body
    expect(raw).not.toContain('王建国')
  })

  it('follows newly published policies, every criterion required, drafts never', async () => {
    const both = await publishPolicy(
      staff,
      policyInput({ title: '八级伤残退役士兵专项', eligibility: { categories: ['soldier'], disabilityLevels: [7, 8] } })
    )
    const years = await publishPolicy(staff, policyInput({ title: '服役满五年', eligibility: { minServiceYears: 5 } }))
    const tooLong = await publishPolicy(
      staff,
      policyInput({ title: '服役满六年', eligibility: { minServiceYears: 6 } })
    )
    const elsewhere = await publishPolicy(
      staff,
      policyInput({ title: '西江区与伤残', eligibility: { districts: ['419903'], disabilityLevels: [8] } })
    )
    const later = await publishPolicy(
      staff,
      policyInput({ title: '明年施行', effectiveFrom: shanghaiDay(40), eligibility: { disabilityLevels: [8] } })
    )
    const draft = await createDraft(
      staff.author,
      policyInput({ title: '草稿不算', eligibility: { disabilityLevels: [8] } })
    )

    const items = await forMe(laowang)
    const ids = items.map((i) => i.id)
    expect(items.find((i) => i.id === both)?.matchedBecause).toEqual(['您是退役士兵', '您的伤残等级为 8 级'])
    expect(items.find((i) => i.id === years)?.matchedBecause).toEqual(['您服役 5 年，满足服役满 5 年的条件'])
    for (const id of [tooLong, elsewhere, later, draft]) expect(ids).not.toContain(id)
  })

  it('tells an account with no registry record to bind first: 403 NOT_ELIGIBLE', async () => {
    const unbound = await signInWechat(app, 'zhangmin')
    const response = await unbound.request({ method: 'GET', url: '/api/v1/policies/for-me' })
    expect(response.statusCode).toBe(403)
    expect(response.json().error.code).toBe('NOT_ELIGIBLE')
  })

  it('is 401 without a token and 403 FORBIDDEN for staff', async () => {
    const anonymous = await app.inject('/api/v1/policies/for-me')
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED')
    const admin = await signInStaff(app, 'admin')
    const forbidden = await admin.request({ method: 'GET', url: '/api/v1/policies/for-me' })
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.json().error.code).toBe('FORBIDDEN')
  })
})
