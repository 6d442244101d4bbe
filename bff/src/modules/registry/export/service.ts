import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { GENDERS, VETERAN_CATEGORIES, VETERAN_STATUSES, type RegistryExportQuery } from '@veterans/shared'
import type { Ctx } from '../../../context'
import { AppError, fieldError } from '../../../lib/app-error'
import type { Principal } from '../../../lib/principal'
import { recordAudit } from '../../platform/audit-repo'
import { allDistricts } from '../districts-repo'
import { csvField } from '../import/service'
import type { VeteranRow } from '../repo'
import { registryScopeOf } from '../scope'
import { countVeterans, searchVeterans, type RegistryFilter } from '../search-repo'

/** The columns, named as the import reads them, so an exported file can be edited and imported again. */
const HEADERS = [
  '姓名',
  '身份证号',
  '性别',
  '出生日期',
  '所属区',
  '类别',
  '入伍时间',
  '退伍时间',
  '手机',
  '伤残等级',
  '状态',
  '服役单位',
  '备注'
]

const PAGE = 1000

export interface RegistryExport {
  contentType: string
  fileName: string
  body: Readable
}

/**
 * The registry in the reader's scope matching the filters, as CSV (UTF-8 with BOM, so Excel on Chinese Windows
 * reads it) or XLSX (exceljs' streaming writer), masked. Unmasked only for admins who give a reason; every export
 * is audited, saying whether it was unmasked and why.
 */
export async function exportRegistry(
  ctx: Ctx,
  principal: Principal,
  query: RegistryExportQuery
): Promise<RegistryExport> {
  const unmasked = query.unmasked === true
  if (unmasked && principal.role !== 'admin')
    throw new AppError('FORBIDDEN', {}, '只有管理员可以导出未遮挡的身份证号和手机号')
  if (unmasked && !query.reason?.trim()) throw fieldError('querystring.reason', '导出未遮挡的数据需要说明原因')
  const filter: RegistryFilter = {
    scopeDistrictCode: registryScopeOf(principal),
    ...(query.q ? { q: query.q } : {}),
    ...(query.districtCode ? { districtCode: query.districtCode } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.status ? { status: query.status } : {})
  }
  const count = await countVeterans(ctx.db, filter)
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRole: principal.role,
    action: 'registry.export',
    entity: 'veteran',
    detail: {
      format: query.format,
      count,
      unmasked,
      ...(unmasked ? { reason: query.reason!.trim() } : {}),
      filters: { q: query.q, districtCode: query.districtCode, category: query.category, status: query.status }
    }
  })
  const districtNames = new Map((await allDistricts(ctx.db)).map((d) => [d.code, d.name]))
  const cells = (row: VeteranRow): (string | number)[] => [
    row.name,
    unmasked ? ctx.pii.decrypt(row.idNumberEnc) : row.idNumberMasked,
    GENDERS[row.gender],
    row.birthDate,
    districtNames.get(row.districtCode) ?? row.districtCode,
    VETERAN_CATEGORIES[row.category],
    row.enlistDate ?? '',
    row.dischargeDate ?? '',
    unmasked ? (row.phoneEnc ? ctx.pii.decrypt(row.phoneEnc) : '') : (row.phoneMasked ?? ''),
    row.disabilityLevel ?? '',
    VETERAN_STATUSES[row.status],
    row.servedUnit ?? '',
    row.notes ?? ''
  ]
  async function* pages(): AsyncGenerator<(string | number)[][]> {
    let beforeId: string | null = null
    for (;;) {
      const rows = await searchVeterans(ctx.db, filter, { beforeId, limit: PAGE })
      const page = rows.slice(0, PAGE)
      if (page.length) yield page.map((r) => cells(r.veteran))
      if (rows.length <= PAGE) return
      beforeId = page[page.length - 1]!.veteran.id
    }
  }
  const stamp = new Date().toISOString().slice(0, 10)
  if (query.format === 'csv') {
    return {
      contentType: 'text/csv; charset=utf-8',
      fileName: `veterans-${stamp}.csv`,
      body: Readable.from(csvLines(pages()))
    }
  }
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `veterans-${stamp}.xlsx`,
    body: xlsxStream(pages(), ctx)
  }
}

async function* csvLines(pages: AsyncGenerator<(string | number)[][]>): AsyncGenerator<string> {
  yield '\uFEFF' + HEADERS.join(',') + '\r\n'
  for await (const page of pages) yield page.map((row) => row.map((v) => csvField(v)).join(',') + '\r\n').join('')
}

/** Writes the workbook row by row into a stream (nothing but the current rows is held in memory). */
function xlsxStream(pages: AsyncGenerator<(string | number)[][]>, ctx: Ctx): Readable {
  const out = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false })
  const sheet = workbook.addWorksheet('退役军人')
  void (async () => {
    sheet.addRow(HEADERS).commit()
    for await (const page of pages) for (const row of page) sheet.addRow(row).commit()
    sheet.commit()
    await workbook.commit()
  })().catch((err: unknown) => {
    ctx.log.error({ err }, 'registry export failed')
    out.destroy(err instanceof Error ? err : new Error('export failed'))
  })
  return out
}
