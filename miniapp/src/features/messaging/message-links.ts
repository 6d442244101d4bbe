import { POLICY_PAGES } from '../../shell/navigation-pages'
import { policyUrl } from '../policies/paths'

/** A piece of a message body: plain text, or an in-app policy path that opens that policy. */
export type MessagePart =
  | { kind: 'text'; text: string }
  | {
      kind: 'policy'
      /** The path as written in the message (shown as the link's text). */
      text: string
      /** Where the link leads: built from the policy id, never taken from the message. */
      url: string
      /** The 《title》 written just before the path on the same line, for the link's accessible name. */
      title?: string
    }

// Policy ids are opaque [A-Za-z0-9_-] strings of at most 64 characters (shared IdSchema; ULIDs in practice).
const POLICY_PATH = new RegExp(`${escapeRegExp(POLICY_PAGES.detail)}\\?id=([A-Za-z0-9_-]{1,64})`, 'g')
const ASCII_WORD_OR_URL = /[!-~]/
const ENDS_PATH = /^(?:$|\s|[\u0080-\uffff]|[.,;:!?)\]]+(?:$|\s|[\u0080-\uffff]))/
const LAST_TITLE = /《([^《》\n]{1,100})》[^《》\n]*$/

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Splits a message body into text and policy links. Only a complete in-app policy path standing on its own (after
 * the start, a space or Chinese text such as "查看：", and followed by the end, a space, Chinese text or closing
 * punctuation) becomes a link; a path inside another address (https://…/policy/…, javascript:/policy/…) or with
 * more query after the id stays text, as does everything else, HTML included. The caller renders text as text.
 */
export function splitMessageBody(body: string): MessagePart[] {
  const parts: MessagePart[] = []
  let textStart = 0
  POLICY_PATH.lastIndex = 0
  for (let match = POLICY_PATH.exec(body); match; match = POLICY_PATH.exec(body)) {
    const start = match.index
    const end = start + match[0].length
    const before = start > 0 ? body.charAt(start - 1) : ''
    if (ASCII_WORD_OR_URL.test(before) || !ENDS_PATH.test(body.slice(end))) continue
    const text = body.slice(textStart, start)
    if (text) parts.push({ kind: 'text', text })
    const title = LAST_TITLE.exec(text)?.[1]
    parts.push({ kind: 'policy', text: match[0], url: policyUrl(match[1]!), ...(title ? { title } : {}) })
    textStart = end
  }
  const rest = body.slice(textStart)
  if (rest || parts.length === 0) parts.push({ kind: 'text', text: rest })
  return parts
}

/**
 * The accessible name of a policy link: where it leads in words first, then the path that is its visible text (a
 * name must contain what is shown, so that people who speak to their device can name it).
 */
export const policyLinkLabel = (part: { text: string; title?: string }) =>
  `${part.title ? `查看政策《${part.title}》` : '查看政策'}：${part.text}`
