import type { ImportJob, Veteran } from '@veterans/shared'
import { idNumberCheckChar } from '@veterans/shared/rules'
import { describe, expect, it } from 'vitest'
import { checkRevealReason, secondsLeft } from '../src/features/staff-registry/countdown'
import {
  initialMapping,
  mappingBody,
  mappingProblems,
  type ColumnMapping
} from '../src/features/staff-registry/import-mapping'
import {
  fileRefusalText,
  isImportableName,
  jobHeadline,
  progressPercent,
  progressText
} from '../src/features/staff-registry/import-progress'
import {
  currentCursor,
  exportFileName,
  exportQuery,
  FIRST_PAGE,
  looksLikeIdTail,
  nextPage,
  NO_FILTERS,
  pageSummary,
  previousPage,
  veteranQuery
} from '../src/features/staff-registry/list-query'
import {
  EMPTY_FORM,
  fillFromIdNumber,
  formFromVeteran,
  serverFieldErrors,
  toCreateBody,
  toUpdateBody,
  validateForm,
  type VeteranForm
} from '../src/features/staff-registry/veteran-form-state'
import { importUrl, veteranEditUrl, veteranUrl } from '../src/features/staff-registry/paths'

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17)
/** Born 1970-05-12, sequence 123 (odd: male). */
const ID = withCheck('11010119700512123')
const TODAY = '2026-12-05'

const form = (change: Partial<VeteranForm>): VeteranForm => ({
  ...EMPTY_FORM,
  name: '张建国',
  idNumber: ID,
  districtCode: '110101',
  category: 'soldier',
  ...change
})

const veteran: Veteran = {
  id: 'v1',
  name: '张建国',
  idNumberMasked: '110101********1234',
  gender: 'male',
  birthDate: '1970-05-12',
  districtCode: '110101',
  category: 'soldier',
  enlistDate: '1988-03-01',
  dischargeDate: null,
  phoneMasked: '138****5678',
  disabilityLevel: null,
  status: 'active',
  servedUnit: null,
  notes: '老兵',
  bound: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z'
}

describe('the list: filters, pages, export', () => {
  it('sends only the filters that are set, with the page size and cursor', () => {
    expect(veteranQuery(NO_FILTERS)).toEqual({ limit: 20 })
    expect(veteranQuery({ ...NO_FILTERS, q: ' 1234 ', status: 'active' }, 'c2')).toEqual({
      q: '1234',
      status: 'active',
      limit: 20,
      cursor: 'c2'
    })
    expect(exportQuery({ ...NO_FILTERS, category: 'officer_transferred' }, 'xlsx')).toEqual({
      format: 'xlsx',
      category: 'officer_transferred'
    })
  })

  it('walks pages forward and back by the cursors seen', () => {
    let trail = FIRST_PAGE
    expect(currentCursor(trail)).toBeUndefined()
    trail = nextPage(trail, 'a')
    trail = nextPage(trail, 'b')
    expect(currentCursor(trail)).toBe('b')
    trail = previousPage(trail)
    expect(currentCursor(trail)).toBe('a')
    // Forward again from page 2 replaces what came after it.
    trail = nextPage(trail, 'b2')
    expect(trail.cursors).toEqual([undefined, 'a', 'b2'])
    expect(nextPage(trail, null)).toBe(trail)
    expect(previousPage(FIRST_PAGE)).toBe(FIRST_PAGE)
  })

  it('says where the page is in the whole list', () => {
    expect(pageSummary(57, 0, 20)).toBe('第 1–20 条，共 57 条')
    expect(pageSummary(57, 2, 17)).toBe('第 41–57 条，共 57 条')
    expect(pageSummary(0, 0, 0)).toBe('共 0 条')
  })

  it('names export files by the Beijing day and knows an ID tail', () => {
    expect(exportFileName('csv', new Date('2026-12-04T17:00:00Z'))).toBe('退役军人信息-2026-12-05.csv')
    expect(looksLikeIdTail('123X')).toBe(true)
    expect(looksLikeIdTail('张')).toBe(false)
  })

  it('builds page addresses', () => {
    expect(veteranUrl('v 1')).toBe('/staff/pages/veteran/index?id=v%201')
    expect(veteranEditUrl()).toBe('/staff/pages/veteran-edit/index')
    expect(importUrl('j1')).toBe('/staff/pages/import/index?job=j1')
  })
})

describe('the record form', () => {
  it('accepts a complete new record and fills gender and birth date from the ID number', () => {
    expect(validateForm(form({}), { creating: true, today: TODAY })).toEqual({})
    expect(fillFromIdNumber(form({}))).toMatchObject({ gender: 'male', birthDate: '1970-05-12' })
    expect(fillFromIdNumber(form({ idNumber: '1101' }))).toMatchObject({ gender: '', birthDate: '' })
  })

  it('refuses a wrong ID checksum and missing required fields, at their fields', () => {
    const wrongCheck = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1')
    const errors = validateForm(form({ idNumber: wrongCheck, name: ' ', districtCode: '', category: '' }), {
      creating: true,
      today: TODAY
    })
    expect(errors.idNumber).toContain('校验不通过')
    expect(errors.name).toBe('请填写姓名')
    expect(errors.districtCode).toBeDefined()
    expect(errors.category).toBeDefined()
    // Editing does not check the ID number (it is not changed there).
    expect(validateForm(form({ idNumber: '', birthDate: '1970-05-12' }), { creating: false, today: TODAY })).toEqual({})
  })

  it('wants dates in order: birth < enlistment < discharge ≤ today', () => {
    const check = (change: Partial<VeteranForm>) => validateForm(form(change), { creating: true, today: TODAY })
    expect(check({ enlistDate: '1969-01-01' }).enlistDate).toBe('入伍日期应晚于出生日期')
    expect(check({ enlistDate: '1988-03-01', dischargeDate: '1988-03-01' }).dischargeDate).toBe(
      '退役日期应晚于入伍日期'
    )
    expect(check({ enlistDate: '1988-03-01', dischargeDate: '2027-01-01' }).dischargeDate).toBe('退役日期不能晚于今天')
    expect(check({ birthDate: '1965-01-01', enlistDate: '1966-01-01' }).enlistDate).toBeUndefined()
    expect(check({ enlistDate: '1988-03-01', dischargeDate: TODAY })).toEqual({})
  })

  it('checks the phone as a mainland mobile number, spaces allowed', () => {
    expect(validateForm(form({ phone: '12345' }), { creating: true, today: TODAY }).phone).toBeDefined()
    expect(validateForm(form({ phone: '138 0013 8000' }), { creating: true, today: TODAY })).toEqual({})
    expect(toCreateBody(form({ phone: '138 0013 8000', idNumber: ` ${ID.toLowerCase()} ` })).phone).toBe('13800138000')
  })

  it('sends a new record without empty optional fields', () => {
    expect(toCreateBody(form({ disabilityLevel: '4', servedUnit: ' ' }))).toEqual({
      name: '张建国',
      idNumber: ID,
      districtCode: '110101',
      category: 'soldier',
      status: 'active',
      disabilityLevel: 4,
      gender: undefined,
      birthDate: undefined,
      enlistDate: undefined,
      dischargeDate: undefined,
      phone: undefined,
      servedUnit: undefined,
      notes: undefined
    })
  })

  it('sends only what changed, null for a cleared field, and keeps the phone unless a new one is typed', () => {
    const saved = formFromVeteran(veteran)
    expect(saved.phone).toBe('')
    expect(toUpdateBody(saved, saved)).toEqual({})
    expect(
      toUpdateBody({ ...saved, enlistDate: '', notes: '', status: 'moved_out', disabilityLevel: '2' }, saved)
    ).toEqual({ enlistDate: null, notes: null, status: 'moved_out', disabilityLevel: 2 })
    expect(toUpdateBody({ ...saved, phone: '13900139000' }, saved)).toEqual({ phone: '13900139000' })
    expect(toUpdateBody(saved, saved, true)).toEqual({ phone: null })
  })

  it('puts the server’s field errors at the fields', () => {
    const { errors, other } = serverFieldErrors([
      { path: 'body.idNumber', message: '身份证号码校验不通过' },
      { path: '/dischargeDate', message: '日期先后不对' },
      { path: 'body', message: '请求内容格式不正确' }
    ])
    expect(errors).toEqual({ idNumber: '身份证号码校验不通过', dischargeDate: '日期先后不对' })
    expect(other).toEqual(['请求内容格式不正确'])
  })
})

describe('the import', () => {
  const preview = {
    headers: ['姓名', '身份证号码', '区县', '类别', '电话', '籍贯'],
    suggestedMapping: { 姓名: 'name', 身份证号码: 'idNumber', 区县: 'districtCode', 类别: 'category' } as const
  }

  it('starts from the suggested mapping, every other column left out', () => {
    const mapping = initialMapping(preview)
    expect(mapping).toEqual({
      姓名: 'name',
      身份证号码: 'idNumber',
      区县: 'districtCode',
      类别: 'category',
      电话: '',
      籍贯: ''
    })
    expect(mappingProblems(mapping)).toEqual([])
    expect(mappingBody({ ...mapping, 电话: 'phone' })).toEqual({ ...preview.suggestedMapping, 电话: 'phone' })
  })

  it('names a field two columns fill, and the required fields no column fills', () => {
    const mapping: ColumnMapping = { 姓名: 'name', 身份证号码: 'idNumber', 区县: '', 类别: 'category', 电话: 'name' }
    expect(mappingProblems(mapping)).toEqual([
      '“姓名”对应了 “姓名”、“电话” 几列，请只留一列',
      '还没有列对应 “户籍区县”，请在下表中选择'
    ])
  })

  const job = (change: Partial<ImportJob>): ImportJob => ({
    id: 'j1',
    status: 'running',
    dryRun: false,
    fileName: 'a.csv',
    total: 3000,
    processed: 1200,
    created: 0,
    updated: 0,
    unchanged: 0,
    errorCount: 0,
    errors: [],
    failure: null,
    createdAt: '2026-12-05T00:00:00.000Z',
    finishedAt: null,
    ...change
  })

  it('shows progress as processed / total, and 100 % once finished', () => {
    expect(progressPercent(job({}))).toBe(40)
    expect(progressPercent(job({ total: 0, processed: 0 }))).toBe(0)
    expect(progressPercent(job({ status: 'done', processed: 10 }))).toBe(100)
    expect(progressText(job({}))).toBe('已处理 1,200 / 3,000 行')
  })

  it('says what a dry run would do and how an import ended', () => {
    const dry = job({ status: 'done', dryRun: true, created: 3, updated: 1, unchanged: 5, errorCount: 1 })
    expect(jobHeadline(dry)).toBe('试运行完成，有些行需要修改')
    expect(jobHeadline(job({ status: 'failed' }))).toBe('导入没有完成')
    expect(jobHeadline(job({ status: 'done' }))).toBe('导入完成')
  })

  it('explains refused files plainly', () => {
    expect(fileRefusalText({ code: 'TOO_LARGE', status: 413, message: '文件太大，请选择 5 MB 以内的图片' })).toContain(
      '拆成几个较小的文件'
    )
    expect(fileRefusalText({ code: 'IMPORT_FILE_INVALID', status: 422, message: '缺少“姓名”列' })).toContain(
      '缺少“姓名”列'
    )
    expect(isImportableName('名单.XLSX')).toBe(true)
    expect(isImportableName('名单.xls')).toBe(false)
  })
})

describe('revealing the full ID number', () => {
  it('counts down the seconds it stays shown', () => {
    expect(secondsLeft(1_000, 30, 1_000)).toBe(30)
    expect(secondsLeft(1_000, 30, 1_500)).toBe(30)
    expect(secondsLeft(1_000, 30, 30_500)).toBe(1)
    expect(secondsLeft(1_000, 30, 31_000)).toBe(0)
    expect(secondsLeft(1_000, 30, 99_000)).toBe(0)
  })

  it('wants a reason', () => {
    expect(checkRevealReason(' ')).toBeDefined()
    expect(checkRevealReason('核实身份')).toBeUndefined()
    expect(checkRevealReason('x'.repeat(201))).toBeDefined()
  })
})
