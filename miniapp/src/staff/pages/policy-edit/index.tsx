import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { ActionButton, Notice, Paragraph } from '../../../components'
import { staffPolicyUrl } from '../../../features/policies/paths'
import { PolicyFormView } from '../../../features/staff-policies/policy-form'
import { usePolicyForm } from '../../../features/staff-policies/use-policy-form'
import { StaffPage } from '../../../features/staff/staff-page'
import { LoadFailedNotice } from '../../../features/staff/dead-end-notices'
import { pageParam } from '../../../shell/navigation'
import { useSession } from '../../../shell/session/session-context'

export default function PolicyEditPage() {
  const id = pageParam('id')
  const replaces = pageParam('supersedes')
  const { me } = useSession()
  const state = usePolicyForm({ id, replaces, enabled: me !== null })
  const source = state.source.data
  const title = id ? '修改政策草稿' : replaces ? '起草新版本' : '起草新政策'
  const locked = id && source && (source.workflow !== 'draft' || source.authorId !== me?.id)

  const save = async () => {
    const savedId = await state.submit()
    if (!savedId) return
    // The policy's own page shows the preview and the next step (submit for approval). Editing a draft came from
    // that page: go back to it (it reloads when shown); a new draft opens it in place of this form.
    if (id && Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.redirectTo({ url: staffPolicyUrl(savedId) })
  }

  return (
    <StaffPage title={title}>
      {() => (
        <>
          {state.source.loading && <Paragraph muted>正在读取…</Paragraph>}
          {state.source.error && (
            // The form is not shown then
            <LoadFailedNotice
              error={state.source.error}
              notFound='没有找到这份政策。'
              retry={() => void state.source.reload()}
            />
          )}
          {locked ? (
            <Notice>
              {source.workflow !== 'draft'
                ? '这份政策已经提交或发布，不能再修改。需要改动时，请审核人退回，或起草新版本替代它。'
                : '只有起草人可以修改这份草稿。'}
            </Notice>
          ) : (
            (!id || source) && (
              <>
                {replaces && <Notice>已按旧政策的内容填好，请修改成新版本的内容，填写新的文号和施行日期。</Notice>}
                <PolicyFormView state={state} />
                {state.problems.length > 0 && (
                  <Notice tone='error'>
                    <View>有 {state.problems.length} 处需要修改：</View>
                    {state.problems.map((problem) => (
                      <View key={problem}>· {problem}</View>
                    ))}
                  </Notice>
                )}
                {state.formError && <Notice tone='error'>{state.formError}</Notice>}
                <ActionButton size='key' busy={state.saving} busyText='正在保存…' onClick={() => void save()}>
                  保存草稿并预览
                </ActionButton>
                <Paragraph muted>保存后可以预览居民看到的样子，再提交审核。</Paragraph>
              </>
            )
          )}
        </>
      )}
    </StaffPage>
  )
}
