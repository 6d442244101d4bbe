import { beijingToday } from '@veterans/shared'

/** The dates of a record whose order is checked: birth < enlistment < discharge ≤ today. */
export interface RecordDates {
  birthDate: string
  enlistDate: string | null
  dischargeDate: string | null
}

export interface DateProblem {
  field: 'birthDate' | 'enlistDate' | 'dischargeDate'
  message: string
}

/** What is wrong with the order of a record's dates (empty when nothing is). Dates are YYYY-MM-DD, so text compares. */
export function dateOrderProblems(dates: RecordDates, today: string = beijingToday()): DateProblem[] {
  const problems: DateProblem[] = []
  if (dates.birthDate > today) problems.push({ field: 'birthDate', message: '出生日期不能晚于今天' })
  if (dates.enlistDate && dates.enlistDate <= dates.birthDate)
    problems.push({ field: 'enlistDate', message: '入伍日期应晚于出生日期' })
  if (dates.dischargeDate) {
    if (dates.dischargeDate > today) problems.push({ field: 'dischargeDate', message: '退役日期不能晚于今天' })
    else if (dates.enlistDate && dates.dischargeDate <= dates.enlistDate)
      problems.push({ field: 'dischargeDate', message: '退役日期应晚于入伍日期' })
    else if (dates.dischargeDate <= dates.birthDate)
      problems.push({ field: 'dischargeDate', message: '退役日期应晚于出生日期' })
  }
  return problems
}
