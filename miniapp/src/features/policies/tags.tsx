import type { PolicyLevel, PolicyValidity } from '@veterans/shared'
import { Text } from '@tarojs/components'
import { LEVEL_LABELS, VALIDITY_LABELS } from './labels'
import './policies.css'

function Tag({ tone, children }: { tone: string; children: string }) {
  if (process.env.TARO_ENV === 'h5') return <span className={`pill tag tag--${tone}`}>{children}</span>
  return <Text className={`pill tag tag--${tone}`}>{children}</Text>
}

/** 现行有效 / 已失效 / 已废止 …, in words and colour (never colour alone). */
export const ValidityTag = ({ validity }: { validity: PolicyValidity }) => (
  <Tag tone={validity}>{VALIDITY_LABELS[validity]}</Tag>
)

export const LevelTag = ({ level }: { level: PolicyLevel }) => <Tag tone='plain'>{`${LEVEL_LABELS[level]}政策`}</Tag>
