import type { FastifyInstance } from 'fastify'
import type { Topic } from '@veterans/shared'
import { newId } from '../../lib/ids'
import { findDemoAccount, insertDemoThreads, type DemoEntryRow, type DemoThreadRow } from './demo-data-repo'
import { slaDueAt, workingTimeBetween } from './sla'

const HOUR_MS = 3_600_000

interface DemoEntry {
  by: { id: string; role: 'resident' | 'staff' }
  body: string
  internal?: boolean
  hoursAgo: number
}

/** A thread's entries numbered as the transactions would have numbered them, and its counters. */
function conversation(threadId: string, entries: DemoEntry[], now: number) {
  let seq = 0
  const rows: DemoEntryRow[] = entries.map((e, i) => ({
    id: newId(now - e.hoursAgo * HOUR_MS),
    threadId,
    seq: e.internal ? null : ++seq,
    position: i + 1,
    internal: e.internal ?? false,
    authorUserId: e.by.id,
    authorRole: e.by.role,
    body: e.body,
    createdAt: new Date(now - e.hoursAgo * HOUR_MS).toISOString()
  }))
  const lastPublic = [...rows].reverse().find((r) => !r.internal)!
  return { rows, lastSeq: seq, lastPosition: rows.length, lastMessageAt: lastPublic.createdAt }
}

/**
 * Demo inbox of 东湖区: 王建国 (laowang) was answered about his 优待证 and waits for nothing; his daughter 王小梅
 * (xiaowang) has asked about his pension and waits (SLA running); an older employment question of his is resolved,
 * with an internal note, ready to be rated. And the team's first canned replies.
 */
export async function seedMessagingDemo(app: FastifyInstance) {
  const [laowang, xiaowang, donghu] = await Promise.all([
    findDemoAccount(app.db, { openid: 'dev-laowang' }),
    findDemoAccount(app.db, { openid: 'dev-xiaowang' }),
    findDemoAccount(app.db, { username: 'donghu' })
  ])
  if (!laowang || !xiaowang || !donghu?.centerId) return
  const centerId = donghu.centerId
  const now = Date.now()
  const resident = (id: string) => ({ id, role: 'resident' as const })
  const staff = { id: donghu.id, role: 'staff' as const }

  const threads: DemoThreadRow[] = []
  const entries: DemoEntryRow[] = []
  const add = (
    input: {
      residentUserId: string
      category: Topic
      subject: string
      hoursAgo: number
      status: DemoThreadRow['status']
    },
    talk: DemoEntry[]
  ) => {
    const id = newId(now - input.hoursAgo * HOUR_MS)
    const c = conversation(id, talk, now)
    const createdAt = new Date(now - input.hoursAgo * HOUR_MS).toISOString()
    const waiting = input.status === 'open' ? c.lastMessageAt : null
    const answered = talk.find((e) => e.by.role === 'staff' && !e.internal)
    threads.push({
      id,
      residentUserId: input.residentUserId,
      veteranId: laowang.veteranId,
      centerId,
      category: input.category,
      subject: input.subject,
      status: input.status,
      assigneeId: answered ? donghu.id : null,
      lastSeq: c.lastSeq,
      lastPosition: c.lastPosition,
      lastMessageAt: c.lastMessageAt,
      waitingSince: waiting,
      slaDueAt: waiting ? slaDueAt(waiting) : null,
      firstResponseAt: answered ? new Date(now - answered.hoursAgo * HOUR_MS).toISOString() : null,
      // As the first answer writes it (thread-steps.ts): the dashboard ranks this column.
      firstResponseMinutes: answered
        ? workingTimeBetween(createdAt, new Date(now - answered.hoursAgo * HOUR_MS).toISOString()) / 60_000
        : null,
      resolvedAt: input.status === 'resolved' ? c.lastMessageAt : null,
      createdAt,
      updatedAt: c.lastMessageAt
    })
    entries.push(...c.rows)
  }

  add(
    {
      residentUserId: laowang.id,
      category: 'preferential',
      subject: '优待证丢了怎么补办？',
      hoursAgo: 50,
      status: 'pending'
    },
    [
      {
        by: resident(laowang.id),
        body: '您好，我的优待证不小心弄丢了，请问补办需要带什么材料？多久能拿到？',
        hoursAgo: 50
      },
      {
        by: staff,
        body: '王师傅您好！补办优待证请携带身份证原件和一张近期免冠证件照，到东湖区退役军人服务中心一楼窗口办理，一般 15 个工作日内可领取。也可以在“预约”中预约“优待证办理”，到场不用排队。',
        hoursAgo: 46
      }
    ]
  )
  add(
    {
      residentUserId: xiaowang.id,
      category: 'pension',
      subject: '父亲的抚恤金调整后什么时候到账？',
      hoursAgo: 3,
      status: 'open'
    },
    [
      {
        by: resident(xiaowang.id),
        body: '听说今年伤残抚恤金标准提高了，我父亲王建国的抚恤金调整后什么时候能到账？需要我们去办什么手续吗？',
        hoursAgo: 3
      }
    ]
  )
  add(
    {
      residentUserId: laowang.id,
      category: 'employment',
      subject: '退役军人可以参加哪些免费技能培训？',
      hoursAgo: 240,
      status: 'resolved'
    },
    [
      { by: resident(laowang.id), body: '我儿子刚退役，想学一门手艺，有没有免费的技能培训？', hoursAgo: 240 },
      { by: staff, body: '已电话联系家属，儿子户籍在西江区，建议转西江区中心跟进。', internal: true, hoursAgo: 239 },
      {
        by: staff,
        body: '您好！退役士兵可免费参加一次职业技能培训，本中心每季度开班（电工、厨师、网约配送等）。请让您儿子本人在小程序绑定身份后，在“预约”中选择“就业创业指导”，我们当面登记。',
        hoursAgo: 238
      }
    ]
  )

  const cannedReplies = [
    ['问候', '您好！感谢您的咨询，我们已收到您的问题，正在为您核实，请稍候。'],
    ['需要补充材料', '为了更好地帮您办理，请补充上传相关证明材料的照片（如身份证、退役证），我们收到后尽快答复。'],
    ['建议电话沟通', '您的问题需要进一步核实情况，建议您在工作日 9:00–17:00 致电本中心，我们当面为您解答。'],
    ['办结', '您的问题已处理完毕。如还有疑问，可以直接在这里继续留言；如对答复满意，欢迎给我们评价。']
  ].map(([title, body], i) => ({
    id: newId(now - (10 - i) * HOUR_MS),
    title: title!,
    body: body!,
    createdBy: donghu.id,
    createdAt: new Date(now - 300 * HOUR_MS).toISOString()
  }))

  await insertDemoThreads(app.db, { threads, entries, cannedReplies })
}
