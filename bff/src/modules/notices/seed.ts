import type { FastifyInstance } from 'fastify'
import type { NoticeAudience } from '@veterans/shared'
import { newId } from '../../lib/ids'
import { findCenter } from '../reference/service'
import { staffAccountId } from '../auth/service'
import { findStaffCenterId, insertSentDemoNotice } from './demo-data-repo'

const HOUR_MS = 3_600_000

interface DemoNotice {
  title: string
  body: string
  audience: NoticeAudience
  author: string
  approver?: string
  hoursAgo: number
}

const DEMO_NOTICES: DemoNotice[] = [
  {
    title: '2027 年度优待证集中换发通知',
    body: [
      '东湖区的退役军人及家属：',
      '2027 年度**优待证集中换发**将于 1 月 5 日开始。请携带身份证原件和旧证，到东湖区退役军人服务中心一楼窗口办理。',
      '也可以在“预约”里预约“优待证办理”，到场不用排队。'
    ].join('\n\n'),
    audience: { roles: ['veteran', 'family'], districts: ['419902'] },
    author: 'donghu',
    hoursAgo: 20
  },
  {
    title: '春节前走访慰问安排',
    body: [
      '全市退役军人及家属：',
      '春节前，各区县服务中心将上门走访慰问。工作人员会提前打电话和您约时间，上门时出示工作证。',
      '如有困难需要反映，可在“消息”里直接咨询。'
    ].join('\n\n'),
    audience: { roles: ['veteran', 'family'] },
    author: 'city',
    approver: 'admin',
    hoursAgo: 44
  }
]

/** Two notices already sent, so that the demo veteran's and his daughter's inboxes are not empty. */
export async function seedNoticesDemo(app: FastifyInstance) {
  const now = Date.now()
  for (const demo of DEMO_NOTICES) {
    const authorId = await staffAccountId(app, demo.author)
    const approverId = demo.approver ? await staffAccountId(app, demo.approver) : null
    if (!authorId || (demo.approver && !approverId)) return
    const centerId = await findStaffCenterId(app.db, authorId)
    const center = centerId ? await findCenter(app.db, centerId) : null
    const at = new Date(now - demo.hoursAgo * HOUR_MS).toISOString()
    await insertSentDemoNotice(app.db, {
      id: newId(now - demo.hoursAgo * HOUR_MS),
      title: demo.title,
      body: demo.body,
      policyId: null,
      audience: demo.audience,
      cityWide: !demo.audience.districts,
      scopeDistrictCode: center?.level === 'city' ? null : (center?.districtCode ?? null),
      status: 'sent',
      authorId,
      approverId,
      senderName: center?.name ?? '市退役军人事务局',
      createdAt: at,
      updatedAt: at,
      sentAt: at,
      fanoutDoneAt: at
    })
  }
}
