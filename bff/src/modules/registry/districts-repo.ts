import type { Db } from '../../db/client'
import { districts } from '../../db/schema/index'

/** Every district's code and name, for reading the districts an import file names. */
export async function allDistricts(db: Db) {
  return await db.select({ code: districts.code, name: districts.name }).from(districts)
}
