import type { PolicyMatch, StaffPolicy } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import { reasonText, splitMatches } from '../src/features/policies/for-me'
import { withRecent } from '../src/features/policies/recent-list'
import { broaderSearches, NO_FILTERS, worthTrying } from '../src/features/policies/suggestions'
import {
  EMPTY_FORM,
  formFromPolicy,
  serverFieldErrors,
  toPolicyInput,
  type PolicyForm
} from '../src/features/staff-policies/policy-form-state'

describe('broader searches when nothing was found', () => {
  it('drops a filter, looks beyond policies in force, then drops a word', () => {
    const suggestions = broaderSearches(
      '优待证 火星',
      { category: 'medical', level: 'city', validity: 'in_force' },
      { category: '医疗保障', level: '市级' }
    )
    expect(suggestions.map((s) => s.label)).toEqual([
      '不限类别（去掉“医疗保障”）',
      '不限层级（去掉“市级”）',
      '也查已失效、已废止的政策',
      '只搜“火星”',
      '只搜“优待证”'
    ])
    expect(suggestions[0]).toMatchObject({
      q: '优待证 火星',
      filters: { category: '', level: 'city', validity: 'in_force' }
    })
    expect(suggestions[4]).toMatchObject({ q: '优待证', filters: { category: 'medical' } })
  })

  it('offers the first two characters of a long Chinese word, and nothing more to drop for a short one', () => {
    expect(broaderSearches('优待证申领', { ...NO_FILTERS, validity: 'all' }, {}).map((s) => s.q)).toEqual(['优待'])
    expect(broaderSearches('医', { ...NO_FILTERS, validity: 'all' }, {})).toEqual([])
    expect(broaderSearches('2024', { ...NO_FILTERS, validity: 'all' }, {})).toEqual([])
  })

  it('offers only the broader searches that find something; all of them when the counts are not known', () => {
    const suggestions = broaderSearches('优待证 火星', NO_FILTERS, {})
    expect(suggestions.map((s) => s.label)).toEqual(['也查已失效、已废止的政策', '只搜“火星”', '只搜“优待证”'])
    expect(worthTrying(suggestions, [0, 0, 12]).map((s) => s.label)).toEqual(['只搜“优待证”'])
    expect(worthTrying(suggestions, [0, 0, 0])).toEqual([])
    expect(worthTrying(suggestions, undefined)).toEqual(suggestions)
  })
})

describe('recent searches', () => {
  it('puts the latest first, once, tidied, and keeps eight', () => {
    let list: string[] = []
    for (const q of ['一', '二', ' 二 ', '三', '一  二', '四', '五', '六', '七', '八', '九']) list = withRecent(list, q)
    expect(list).toEqual(['九', '八', '七', '六', '五', '四', '一 二', '三'])
    expect(withRecent(list, '   ')).toEqual(list)
  })
})

describe('与我相关', () => {
  const match = (id: string, matchedBecause: string[], forEveryVeteran = false) =>
    ({ id, matchedBecause, forEveryVeteran }) as PolicyMatch

  it('says why, in a sentence, and sets apart the policies for every veteran', () => {
    expect(reasonText('您是退役士兵')).toBe('因为您是退役士兵')
    expect(reasonText('您的家人王*国的伤残等级为 8 级')).toBe('因为您的家人王*国的伤残等级为 8 级')
    expect(reasonText('本政策适用于全体退役军人')).toBe('本政策适用于全体退役军人')
    const { specific, general } = splitMatches([
      match('a', ['您是退役士兵']),
      match('b', ['本政策适用于全体退役军人'], true),
      match('c', ['本政策适用于全体退役军人，包括您的家人王*国'], true),
      match('d', ['您的家人王*国户籍在东湖区'])
    ])
    expect(specific.map((m) => m.id)).toEqual(['a', 'd'])
    expect(general.map((m) => m.id)).toEqual(['b', 'c'])
  })
})

describe('the authoring form', () => {
  const filled: PolicyForm = {
    ...EMPTY_FORM,
    title: ' 冬季慰问办法 ',
    docNumber: '东退役军人发〔2026〕9号',
    issuer: '东湖区退役军人事务局',
    level: 'district',
    category: 'pension',
    summary: '摘要',
    body: '## 正文',
    effectiveFrom: '2026-01-01',
    districts: ['419902'],
    minServiceYears: '2',
    disabilityLevels: [8, 3]
  }

  it('names every missing field, in words', () => {
    const { input, errors } = toPolicyInput(EMPTY_FORM)
    expect(input).toBeUndefined()
    expect(errors).toMatchObject({
      title: '请填写标题',
      level: '请选择发文层级',
      category: '请选择类别',
      effectiveFrom: '请选择施行日期',
      body: '请填写正文'
    })
  })

  it('checks dates and service years as the server does', () => {
    expect(toPolicyInput({ ...filled, effectiveFrom: '2026-02-30' }).errors.effectiveFrom).toMatch(/日期格式/)
    expect(toPolicyInput({ ...filled, effectiveTo: '2025-12-31' }).errors.effectiveTo).toBe('失效日期不能早于施行日期')
    expect(toPolicyInput({ ...filled, minServiceYears: '0' }).errors['eligibility.minServiceYears']).toMatch(/1 到 60/)
    expect(toPolicyInput({ ...filled, minServiceYears: '两年' }).errors['eligibility.minServiceYears']).toMatch(
      /1 到 60/
    )
  })

  it('builds the request body: trimmed, criteria only where given, no supersedes', () => {
    expect(toPolicyInput(filled)).toEqual({
      errors: {},
      input: {
        title: '冬季慰问办法',
        docNumber: '东退役军人发〔2026〕9号',
        issuer: '东湖区退役军人事务局',
        level: 'district',
        category: 'pension',
        summary: '摘要',
        body: '## 正文',
        effectiveFrom: '2026-01-01',
        eligibility: { districts: ['419902'], minServiceYears: 2, disabilityLevels: [3, 8] },
        relatedServiceIds: [],
        supersedesId: null
      }
    })
    expect(
      toPolicyInput({ ...filled, districts: [], minServiceYears: '', disabilityLevels: [] }).input
    ).not.toHaveProperty('eligibility')
  })

  it('starts a new version from a published policy, to replace it', () => {
    const published = {
      id: 'old',
      title: '旧办法',
      docNumber: '〔2020〕1号',
      issuer: '局',
      level: 'city',
      category: 'housing',
      summary: '摘要',
      body: '正文',
      effectiveFrom: '2020-01-01',
      effectiveTo: null,
      eligibility: { categories: ['soldier'] },
      relatedServiceIds: ['s1'],
      supersedesId: null
    } as unknown as StaffPolicy
    const form = formFromPolicy(published, true)
    expect(form).toMatchObject({
      title: '旧办法',
      docNumber: '',
      effectiveFrom: '',
      categories: ['soldier'],
      relatedServiceIds: ['s1']
    })
    expect(form.supersedes).toEqual({ id: 'old', title: '旧办法', docNumber: '〔2020〕1号' })
    expect(formFromPolicy(published).supersedes).toBeNull()
  })

  it('puts the server’s field errors by the fields they name', () => {
    expect(
      serverFieldErrors([
        { path: 'body.eligibility.districts', message: '包含不存在的区县' },
        { path: 'body.title', message: '不能为空' },
        { path: 'body.title', message: '第二条' }
      ])
    ).toEqual({ 'eligibility.districts': '包含不存在的区县', title: '不能为空' })
  })
})
