import type { Me } from '@veterans/shared'
import type { ReactNode } from 'react'
import { ActionButton, Card, NavRow, Paragraph } from '../../components'
import { openPage, PAGES } from '../../shell/navigation'
import { bookingAccess } from './people'

/** An account with no veteran identity and no family link: say plainly what to do first. */
export function BindFirstCard() {
  return (
    <>
      <Card title='请先认证身份'>
        <Paragraph>预约服务需要先认证退役军人身份。认证只要填写姓名和身份证号码，核对一致马上就能预约。</Paragraph>
        <ActionButton size='key' onClick={() => openPage(PAGES.identity)}>
          去认证身份
        </ActionButton>
        <Paragraph muted>
          如果您是退役军人的家属，请让他在“我的 → 家人关联”里生成邀请码，您输入邀请码后就能帮他预约。
        </Paragraph>
      </Card>
      <Card flush>
        <NavRow title='我是家属，输入邀请码' url={PAGES.family} />
      </Card>
    </>
  )
}

/** Staff book nothing here: their booking work is in the workspace. */
export function StaffBookingNote() {
  return (
    <Card>
      <Paragraph>您用工作人员账号登录。排班、签到等预约工作请到工作台办理。</Paragraph>
      <ActionButton onClick={() => openPage(PAGES.staffHome)}>进入工作台</ActionButton>
    </Card>
  )
}

/** Booking screens for people who can book; anyone else is told what to do instead. */
export function WithBookingAccess({ me, children }: { me: Me; children: ReactNode }) {
  const access = bookingAccess(me)
  if (access === 'staff') return <StaffBookingNote />
  if (access === 'unbound') return <BindFirstCard />
  return <>{children}</>
}
