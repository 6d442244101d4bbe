import type { PolicyListItem } from '@veterans/shared'
import { TOPICS } from '@veterans/shared/topics'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { openPage } from '../../shell/navigation'
import { VALIDITY_LABELS } from './labels'
import { policyUrl } from './paths'
import { SnippetText } from './snippet-text'
import { LevelTag, ValidityTag } from './tags'
import './policies.css'

type CardPolicy = Omit<PolicyListItem, 'snippet'> & { snippet?: string }

/**
 * One policy in a list: title (the link, as a level-3 heading under the list's heading), document number, issuer,
 * validity and level, then the matched snippet or whatever the list adds (the reasons of 与我相关). The whole card is
 * the tap target.
 */
export function PolicyCard({ policy, children }: { policy: CardPolicy; children?: ReactNode }) {
  const url = policyUrl(policy.id)
  const tags = (
    <>
      <ValidityTag validity={policy.validity} />
      <LevelTag level={policy.level} />
    </>
  )
  if (process.env.TARO_ENV === 'h5') {
    return (
      <li className='card result'>
        <h3 className='result__title'>
          <a
            className='result__link'
            href={url}
            onClick={(event) => {
              event.preventDefault()
              openPage(url)
            }}
          >
            {policy.title}
          </a>
        </h3>
        <p className='result__meta'>{policy.docNumber}</p>
        <p className='result__meta'>
          {policy.issuer} · {TOPICS[policy.category]}
        </p>
        <div className='result__badges'>{tags}</div>
        {policy.snippet && <SnippetText snippet={policy.snippet} />}
        {children}
      </li>
    )
  }
  return (
    <View
      className='card result'
      hoverClass='result--pressed'
      ariaRole='link'
      ariaLabel={`${policy.title}，${policy.docNumber}，${VALIDITY_LABELS[policy.validity]}`}
      onClick={() => openPage(url)}
    >
      <Text className='result__title'>{policy.title}</Text>
      <Text className='result__meta'>{policy.docNumber}</Text>
      <Text className='result__meta'>
        {policy.issuer} · {TOPICS[policy.category]}
      </Text>
      <View className='result__badges'>{tags}</View>
      {policy.snippet && <SnippetText snippet={policy.snippet} />}
      {children}
    </View>
  )
}

/** A list of policy cards (a real list in the browser). */
export function PolicyCardList({ children }: { children: ReactNode }) {
  if (process.env.TARO_ENV === 'h5') return <ul className='results'>{children}</ul>
  return <View className='results'>{children}</View>
}
