import { idNumberCheckChar, type Gender, type VeteranCategory } from '@veterans/shared'
import type { Random } from './random'

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN_MALE = [
  '建国',
  '建军',
  '国强',
  '志刚',
  '卫东',
  '海涛',
  '德明',
  '振华',
  '永强',
  '立新',
  '军',
  '伟',
  '勇',
  '磊',
  '强',
  '鹏',
  '斌',
  '浩',
  '宇',
  '峰',
  '明辉',
  '红兵',
  '长青',
  '保国',
  '向阳',
  '文杰',
  '子豪',
  '俊杰',
  '家乐',
  '一鸣'
]
const GIVEN_FEMALE = [
  '秀英',
  '桂兰',
  '玉梅',
  '丽华',
  '红梅',
  '海燕',
  '静',
  '敏',
  '丽',
  '芳',
  '娟',
  '霞',
  '婷',
  '雪',
  '晓燕',
  '春燕',
  '亚楠',
  '思雨',
  '欣怡',
  '佳琪'
]

const CATEGORY_WEIGHTS: [VeteranCategory, number][] = [
  ['soldier', 0.7],
  ['officer_transferred', 0.1],
  ['cadre_demobilized', 0.05],
  ['cadre_retired', 0.05],
  ['other', 0.1]
]

export interface GeneratedVeteran {
  name: string
  idNumber: string
  gender: Gender
  birthDate: string
  districtCode: string
  category: VeteranCategory
  enlistDate: string
  dischargeDate: string
  phone: string | null
  disabilityLevel: number | null
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

function pickCategory(random: Random): VeteranCategory {
  let roll = random.next()
  for (const [category, weight] of CATEGORY_WEIGHTS) {
    roll -= weight
    if (roll < 0) return category
  }
  return 'soldier'
}

/** Synthetic registry records with valid ID-number checksums. Area codes are M City's fictional ones (4199xx). */
export function generateVeterans(
  random: Random,
  districtCodes: string[],
  count: number,
  taken: Set<string>
): GeneratedVeteran[] {
  const out: GeneratedVeteran[] = []
  while (out.length < count) {
    const female = random.chance(0.08)
    const name = random.pick(Array.from(SURNAMES)) + random.pick(female ? GIVEN_FEMALE : GIVEN_MALE)
    const districtCode = random.pick(districtCodes)
    const category = pickCategory(random)
    const birthYear =
      category === 'cadre_retired' || category === 'cadre_demobilized' ? random.int(1938, 1965) : random.int(1955, 2004)
    const birthDate = `${birthYear}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`
    let sequence = random.int(0, 99) * 10 + random.int(0, 4) * 2
    if (!female) sequence += 1
    const first17 = districtCode + birthDate.replaceAll('-', '') + pad(sequence, 3)
    const idNumber = first17 + idNumberCheckChar(first17)
    if (taken.has(idNumber)) continue
    taken.add(idNumber)
    const enlistYear = birthYear + random.int(17, 20)
    const serviceYears = category === 'soldier' ? random.int(2, 12) : random.int(12, 30)
    const dischargeYear = Math.min(enlistYear + serviceYears, 2026)
    out.push({
      name,
      idNumber,
      gender: female ? 'female' : 'male',
      birthDate,
      districtCode,
      category,
      enlistDate: `${enlistYear}-${pad(random.pick([3, 9, 12]))}-01`,
      dischargeDate: `${dischargeYear}-${pad(random.pick([6, 9, 12]))}-${pad(random.int(1, 28))}`,
      phone: random.chance(0.6)
        ? `1${random.pick(['38', '39', '58', '59', '86', '87', '35', '36'])}${pad(random.int(0, 99999999), 8)}`
        : null,
      disabilityLevel: random.chance(0.06) ? random.int(1, 10) : null
    })
  }
  return out
}
