import { Text } from '@tarojs/components'
import { useMemo } from 'react'
import { parseSnippet } from './snippet'
import './policies.css'

/**
 * Where a search matched, with the matched words highlighted. The server's snippet is parsed into text parts
 * (snippet.ts); every part is rendered as a text node, so nothing in a policy can become markup here.
 */
export function SnippetText({ snippet }: { snippet: string }) {
  const parts = useMemo(() => parseSnippet(snippet), [snippet])
  if (process.env.TARO_ENV === 'h5') {
    return (
      <p className='result__snippet'>
        {parts.map((part, index) =>
          part.hit ? (
            <mark key={index} className='hit'>
              {part.text}
            </mark>
          ) : (
            part.text
          )
        )}
      </p>
    )
  }
  return (
    <Text className='result__snippet'>
      {parts.map((part, index) =>
        part.hit ? (
          <Text key={index} className='hit'>
            {part.text}
          </Text>
        ) : (
          part.text
        )
      )}
    </Text>
  )
}
