import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import { a11y, useOpenPage } from '../../components'
import { policyLinkLabel, splitMessageBody } from './message-links'

/**
 * A message's text with its in-app policy paths as links that open the policy (residents' bubbles, staff's
 * entries). Everything else is rendered as text, never as markup; the links' targets are built from the policy id.
 */
export function MessageBody({ body, className }: { body: string; className: string }) {
  const openPage = useOpenPage()
  const parts = useMemo(() => splitMessageBody(body), [body])
  if (process.env.TARO_ENV === 'h5') {
    return (
      <span className={className}>
        {parts.map((part, index) =>
          part.kind === 'text' ? (
            part.text
          ) : (
            <a
              key={index}
              className='link message-link'
              href={part.url}
              aria-label={policyLinkLabel(part)}
              onClick={(event) => {
                event.preventDefault()
                openPage(part.url)
              }}
            >
              {part.text}
            </a>
          )
        )}
      </span>
    )
  }
  if (parts.length === 1 && parts[0]!.kind === 'text') return <Text className={className}>{body}</Text>
  return (
    <View className={className}>
      {parts.map((part, index) =>
        part.kind === 'text' ? (
          <Text key={index}>{part.text}</Text>
        ) : (
          <Text
            key={index}
            className='link message-link'
            {...a11y('link', policyLinkLabel(part))}
            onClick={() => openPage(part.url)}
          >
            {part.text}
          </Text>
        )
      )}
    </View>
  )
}
