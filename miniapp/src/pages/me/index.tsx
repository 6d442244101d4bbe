import { RELATIONS, ROLES } from '@veterans/shared/topics'
import { ActionButton, Card, KeyValues, NavRow } from '../../components'
import { messageSettingsUrl } from '../../features/notices/paths'
import { ElderModeSwitch } from '../../shell/elder-mode/elder-mode-switch'
import { PAGES } from '../../shell/navigation'
import { useSession } from '../../shell/session/session-context'
import { SignedInPage } from '../../shell/session/signed-in-page'
import { isStaff } from '../../shell/session/use-require-session'

export default function MePage() {
  const { signOut } = useSession()
  const elderMode = (
    <Card>
      <ElderModeSwitch />
    </Card>
  )
  return (
    <SignedInPage title='我的' purpose='查看和修改资料、认证身份、关联家人' signedOut={elderMode}>
      {(me) => {
        const staff = isStaff(me)
        const familyDetail = me.veteran
          ? '邀请家人'
          : me.familyOf.length > 0
            ? `已关联 ${me.familyOf.length} 位`
            : '输入邀请码'
        return (
          <>
            <Card title='我的资料'>
              <KeyValues
                rows={[
                  ['称呼', me.displayName],
                  ['身份', ROLES[me.role]],
                  ['手机', me.phoneMasked ?? '未填写'],
                  ...me.familyOf.map((link): [string, string] => [
                    '关联的退役军人',
                    `${link.veteranNameMasked}（您是他的${RELATIONS[link.relation]}）`
                  ]),
                  ...(me.center ? ([['所在单位', me.center.name]] as [string, string][]) : [])
                ]}
              />
            </Card>
            <Card flush>
              <NavRow title='修改资料' detail='称呼、手机号码' url={PAGES.profile} />
              {!staff && (
                <NavRow title='退役军人身份认证' detail={me.veteran ? '已认证' : '未认证'} url={PAGES.identity} />
              )}
              {!staff && <NavRow title='家人关联' detail={familyDetail} url={PAGES.family} />}
              {!staff && <NavRow title='我的预约' detail='签到码、改约、取消' url='/booking/pages/mine/index' />}
              {!staff && <NavRow title='消息设置' detail='哪些消息告诉您、微信提醒' url={messageSettingsUrl} />}
              <NavRow title='我的数据' detail={staff ? '查看' : '查看、注销账号'} url={PAGES.myData} />
            </Card>
            {elderMode}
            <Card flush>
              <NavRow title={staff ? '进入工作台' : '工作人员登录'} url={staff ? PAGES.staffHome : PAGES.staffLogin} />
            </Card>
            <ActionButton variant='secondary' onClick={() => void signOut()}>
              退出登录
            </ActionButton>
          </>
        )
      }}
    </SignedInPage>
  )
}
