import type { MyDataExport } from '@veterans/shared'
import { RELATIONS, ROLES, VETERAN_CATEGORIES } from '@veterans/shared/topics'
import { Text } from '@tarojs/components'
import { Card, KeyValues, Paragraph } from '../../components'
import { formatDateTime } from '../../lib/format'

const label = <T extends Record<string, string>>(labels: T, key: string) =>
  (labels as Record<string, string>)[key] ?? key

/** The export shown readably: what the platform holds, section by section, then the full file as text. */
export function ExportView({ data }: { data: MyDataExport }) {
  const veteran = data.veteranRecord
  const sections = Object.entries(data.records)
  return (
    <>
      <Paragraph muted>导出时间：{formatDateTime(data.exportedAt)}</Paragraph>
      <Card title='账号'>
        <KeyValues
          rows={[
            ['称呼', data.account.displayName],
            ['身份', label(ROLES, data.account.role)],
            ['手机', data.account.phone ?? '未填写'],
            ['长辈版', data.account.elderMode ? '开启' : '关闭'],
            ['注册时间', formatDateTime(data.account.createdAt)]
          ]}
        />
      </Card>
      <Card title='退役军人登记信息'>
        {veteran ? (
          <KeyValues
            rows={[
              ['姓名', veteran.name],
              ['身份证号', veteran.idNumber],
              ['性别', veteran.gender === 'male' ? '男' : veteran.gender === 'female' ? '女' : veteran.gender],
              ['出生日期', veteran.birthDate],
              ['类别', label(VETERAN_CATEGORIES, veteran.category)],
              ['入伍时间', veteran.enlistDate ?? '未登记'],
              ['退役时间', veteran.dischargeDate ?? '未登记'],
              ['联系电话', veteran.phone ?? '未登记'],
              ['伤残等级', veteran.disabilityLevel ? `${veteran.disabilityLevel} 级` : '无']
            ]}
          />
        ) : (
          <Paragraph muted>您的账号没有绑定退役军人登记信息。</Paragraph>
        )}
      </Card>
      <Card title='家人'>
        {data.familyLinks.length === 0 && data.familyMembers.length === 0 && (
          <Paragraph muted>没有家人关联。</Paragraph>
        )}
        {data.familyLinks.map((l) => (
          <Paragraph key={l.linkId}>
            您是 {l.veteranNameMasked} 的{label(RELATIONS, l.relation)}（{formatDateTime(l.createdAt)} 关联）
          </Paragraph>
        ))}
        {data.familyMembers.map((m) => (
          <Paragraph key={m.linkId}>
            {m.displayName}（{label(RELATIONS, m.relation)}）关联了您的账号
          </Paragraph>
        ))}
      </Card>
      <Card title='登录记录'>
        <Paragraph>
          共 {data.sessions.length} 次登录，其中 {data.sessions.filter((s) => s.active).length} 个仍然有效。
        </Paragraph>
      </Card>
      {sections.length > 0 && (
        <Card title='其他记录'>
          {sections.map(([name, items]) => (
            <Paragraph key={name}>
              {name}：{items.length} 条
            </Paragraph>
          ))}
        </Card>
      )}
      <Card title='完整数据（文本）'>
        <Text className='json-view' userSelect>
          {JSON.stringify(data, null, 2)}
        </Text>
      </Card>
    </>
  )
}
