// Writes a registry import file as the bureau's spreadsheets export it (for registry-import.bench.ts): a UTF-8 CSV
// with a BOM and the Chinese headers, one made-up veteran a row over the demo districts, every ID number valid and
// different. Run alone: pnpm exec tsx bench/registry-import-generate.ts <file> [rows]
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { idNumberCheckChar } from '@veterans/shared'

const DISTRICTS = ['东湖区', '西江区', '南山区', '北塘区', '高新区', '临河县']
const AREA_CODES = ['419902', '419903', '419904', '419905', '419971', '419921']
const CATEGORIES = ['退役士兵', '转业干部', '复员干部', '军休干部', '其他']
const HEADER = '姓名,身份证号,性别,出生日期,所属区,类别,入伍时间,退伍时间,手机,伤残等级,状态,服役单位,备注'

/**
 * The i-th made-up ID number: unique for i < 6 × 500 × 50 × 12 × 28 (born 1950–1999). Sequence numbers 500–999
 * keep clear of the demo people's.
 */
function idNumber(i: number): string {
  const area = AREA_CODES[i % 6]!
  const seq = String(500 + (Math.floor(i / 6) % 500))
  const rest = Math.floor(i / 3000)
  const year = 1950 + (rest % 50)
  const month = String(1 + (Math.floor(rest / 50) % 12)).padStart(2, '0')
  const day = String(1 + (Math.floor(rest / 600) % 28)).padStart(2, '0')
  const first17 = area + year + month + day + seq
  return first17 + idNumberCheckChar(first17)
}

export async function generateRegistryCsv(file: string, rows: number) {
  const out = createWriteStream(file)
  out.write('\uFEFF' + HEADER + '\r\n')
  for (let i = 0; i < rows; i++) {
    const id = idNumber(i)
    const birthYear = Number(id.slice(6, 10))
    const line = [
      `导入${i}`,
      id,
      '',
      '',
      DISTRICTS[i % 6],
      CATEGORIES[i % 5],
      `${birthYear + 19}-09-01`,
      `${birthYear + 24}-12-01`,
      `139${String(i).padStart(8, '0')}`,
      i % 17 === 0 ? String(1 + (i % 10)) : '',
      '在册',
      '某部队',
      ''
    ].join(',')
    if (!out.write(line + '\r\n')) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, rows] = process.argv.slice(2)
  if (!file) throw new Error('usage: registry-import-generate.ts <file> [rows]')
  await generateRegistryCsv(file, Number(rows ?? 100_000))
}
