/**
 * The code lists of the contract, each written once, with their Chinese labels. The TypeBox schemas, the BFF's
 * database columns and the mini-program's labels all take their codes from here.
 */

/** The codes of a label map, in the order written, typed as a non-empty list (what a database enum column needs). */
function codesOf<K extends string>(labels: Record<K, string>) {
  return Object.keys(labels) as unknown as readonly [K, ...K[]]
}

/** One vocabulary of topic codes for services, policies, threads and notices. */
export const TOPICS = {
  employment: '就业创业',
  preferential: '优待（优待证）',
  pension: '抚恤补助',
  medical: '医疗保障',
  education: '教育',
  housing: '住房',
  disability: '伤残',
  survivors: '褒扬与遗属',
  legal: '法律援助',
  psychological: '心理疏导',
  records: '档案',
  other: '其他'
} as const

export type Topic = keyof typeof TOPICS
export const TOPIC_CODES = codesOf(TOPICS)

export const VETERAN_CATEGORIES = {
  soldier: '退役士兵',
  officer_transferred: '转业干部',
  cadre_demobilized: '复员干部',
  cadre_retired: '军休干部',
  other: '其他'
} as const
export type VeteranCategory = keyof typeof VETERAN_CATEGORIES
export const VETERAN_CATEGORY_CODES = codesOf(VETERAN_CATEGORIES)

/** Where a registry record stands: in the register, deceased, moved to another city's register. */
export const VETERAN_STATUSES = { active: '在册', deceased: '已故', moved_out: '已迁出' } as const
export type VeteranStatus = keyof typeof VETERAN_STATUSES
export const VETERAN_STATUS_CODES = codesOf(VETERAN_STATUSES)

export const RELATIONS = {
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  sibling: '兄弟姐妹',
  other: '其他亲属'
} as const
export type Relation = keyof typeof RELATIONS
export const RELATION_CODES = codesOf(RELATIONS)

export const ROLES = {
  resident: '居民',
  veteran: '退役军人',
  family: '家属',
  staff: '工作人员',
  admin: '管理员'
} as const
export type Role = keyof typeof ROLES
export const ROLE_CODES = codesOf(ROLES)
/** Staff and admins: who works in the staff workspace. */
export const STAFF_ROLES = ['staff', 'admin'] as const satisfies readonly Role[]
/** The people a WeChat account can be: not yet bound, a bound veteran, a family member. */
export const PEOPLE_ROLES = ['resident', 'veteran', 'family'] as const satisfies readonly Role[]

export const CENTER_LEVELS = { city: '市级', district: '区级', street: '街道', community: '社区' } as const
export type CenterLevel = keyof typeof CENTER_LEVELS
export const CENTER_LEVEL_CODES = codesOf(CENTER_LEVELS)

export const POLICY_LEVELS = { national: '国家', provincial: '省级', city: '市级', district: '区县' } as const
export const POLICY_LEVEL_CODES = codesOf(POLICY_LEVELS)

/**
 * Where a published policy stands today (Asia/Shanghai): in force; not yet in force (effectiveFrom is later);
 * expired (effectiveTo has passed); superseded (a newer policy replaced it; it stops being in force on the day the
 * newer one takes effect); repealed.
 */
export const POLICY_VALIDITIES = {
  in_force: '现行有效',
  not_yet_effective: '尚未施行',
  expired: '已失效',
  superseded: '已被替代',
  repealed: '已废止'
} as const
export const POLICY_VALIDITY_CODES = codesOf(POLICY_VALIDITIES)

export const GENDERS = { male: '男', female: '女' } as const
export type Gender = keyof typeof GENDERS
export const GENDER_CODES = codesOf(GENDERS)
