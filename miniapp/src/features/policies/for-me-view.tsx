import type { Me, PolicyMatch } from '@veterans/shared'
import { Text, View } from '@tarojs/components'
import { policiesApi, useRequest } from '../../api'
import { ActionButton, Card, NavRow, Notice, Paragraph } from '../../components'
import { PAGES } from '../../shell/navigation'
import { useSession } from '../../shell/session/session-context'
import { SignInPrompt } from '../../shell/session/sign-in-prompt'
import { isStaff } from '../../shell/session/use-require-session'
import { reasonText, splitMatches } from './for-me'
import { PolicyCard, PolicyCardList } from './policy-card'
import './policies.css'

function Reasons({ reasons }: { reasons: string[] }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <div className='result__reasons'>
        <strong>为什么与您相关：</strong>
        <ul className='list'>
          {reasons.map((reason) => (
            <li className='result__reason' key={reason}>
              {reasonText(reason)}
            </li>
          ))}
        </ul>
      </div>
    )
  }
  return (
    <View className='result__reasons'>
      <Text className='text--strong'>为什么与您相关：</Text>
      {reasons.map((reason) => (
        <Text className='result__reason' key={reason}>
          {reasonText(reason)}
        </Text>
      ))}
    </View>
  )
}

/** Someone with no registry record to match: what binding (or a family link) would give them, and where to do it. */
function BindFirst() {
  return (
    <>
      <Card title='认证身份后就能看到'>
        <Paragraph>
          认证退役军人身份后，这里会列出适用于您的政策，并告诉您为什么适用——比如您的人员类别、户籍所在区、服役年限或伤残等级。
        </Paragraph>
        <Paragraph muted>
          退役军人的家属：请退役军人在“家人关联”里邀请您，关联后这里会列出适用于您家人的政策。
        </Paragraph>
      </Card>
      <Card flush>
        <NavRow title='退役军人身份认证' detail='去认证' url={PAGES.identity} />
        <NavRow title='我是退役军人的家属' detail='输入邀请码' url={PAGES.family} />
      </Card>
    </>
  )
}

function whose(me: Me, items: PolicyMatch[]): string {
  const others = [
    ...new Set(
      items
        .flatMap((item) => item.matchedFor)
        .filter((v) => v.veteranId !== me.veteran?.id)
        .map((v) => v.veteranNameMasked)
    )
  ]
  if (me.veteran && others.length === 0) return '根据您在退役军人事务局登记的信息'
  if (!me.veteran)
    return `根据您关联的退役军人（${others.join('、') || me.familyOf.map((f) => f.veteranNameMasked).join('、')}）的登记信息`
  return `根据您和您关联的家人（${others.join('、')}）的登记信息`
}

function Matches({ me }: { me: Me }) {
  const matches = useRequest(() => policiesApi.forMe(), `for-me-${me.id}`)
  if (matches.error?.code === 'NOT_ELIGIBLE') return <BindFirst />
  if (matches.error) {
    return (
      <>
        <Notice tone='error'>没能读取与您相关的政策：{matches.error.message}</Notice>
        <ActionButton variant='secondary' onClick={() => void matches.reload()}>
          重试
        </ActionButton>
      </>
    )
  }
  if (!matches.data) return <Paragraph muted>正在查找与您相关的政策…</Paragraph>
  const { specific, general } = splitMatches(matches.data.items)
  if (matches.data.items.length === 0) {
    return <Notice>现在没有找到适用于您的现行政策。可以在“查找政策”里按类别浏览，或拨打服务热线咨询。</Notice>
  }
  return (
    <>
      <Paragraph>{whose(me, matches.data.items)}，下面这些现行有效的政策与您相关。</Paragraph>
      {specific.length > 0 && (
        <Card plain title={`专门适用的政策（${specific.length} 条）`}>
          <PolicyCardList>
            {specific.map((item) => (
              <PolicyCard key={item.id} policy={item}>
                <Reasons reasons={item.matchedBecause} />
              </PolicyCard>
            ))}
          </PolicyCardList>
        </Card>
      )}
      {general.length > 0 && (
        <Card plain title={`面向全体退役军人的政策（${general.length} 条）`}>
          <Paragraph muted>这些政策没有特别的条件，所有退役军人都适用。</Paragraph>
          <PolicyCardList>
            {general.map((item) => (
              <PolicyCard key={item.id} policy={item} />
            ))}
          </PolicyCardList>
        </Card>
      )}
    </>
  )
}

/** 政策 tab, 与我相关 part: the policies that match the person's registry record (or their linked veterans'). */
export function ForMeView() {
  const { me, status } = useSession()
  if (status === 'starting') return <Paragraph muted>正在登录，请稍候…</Paragraph>
  if (!me) return <SignInPrompt purpose='查看与您相关的政策' />
  if (isStaff(me))
    return <Notice>工作人员账号没有个人的政策匹配。退役军人和家属登录后，可以在这里看到适用于自己的政策。</Notice>
  if (!me.veteran && me.familyOf.length === 0) return <BindFirst />
  return <Matches me={me} />
}
