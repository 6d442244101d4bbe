import { Notice, SwitchRow } from '../../components'
import { suggestsElderMode } from '../../lib/font-scale'
import { useSession } from '../session/session-context'
import { useElderMode } from './use-elder-mode'

/** The 长辈版 switch, the same on 首页 and 我的. */
export function ElderModeSwitch() {
  const { elderMode, setElderMode, pending, error } = useElderMode()
  const { fontScale, me } = useSession()
  return (
    <>
      <SwitchRow
        label='长辈版'
        description={me ? '字更大、按钮更大，看得更清楚。您的选择会保存在账号里。' : '字更大、按钮更大，看得更清楚。'}
        checked={elderMode}
        busy={pending}
        onChange={(next) => void setElderMode(next)}
      />
      {!elderMode && suggestsElderMode(fontScale) && <Notice>您在微信里调大了字号，打开长辈版会更清楚。</Notice>}
      {error && <Notice tone='error'>没能保存长辈版设置：{error.message}</Notice>}
    </>
  )
}
