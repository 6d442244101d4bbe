// What the identity page says when binding is refused. The server's messages already say what to check and where
// to go (one place: the 退役军人服务中心); the page adds only what the server cannot know, so nothing is said twice.

/** Added after the server's message, for the refusals where the page knows more. */
const ADDED: Record<string, string> = {
  TOO_MANY_ATTEMPTS: '为保护您的信息，1 小时内最多尝试 5 次。着急的话，可以拨打服务热线求助。'
}

/** The refusal as one text: the server's message, then what the page adds, each sentence once. */
export function bindRefusalText(error: { code: string; message: string }): string {
  const added = ADDED[error.code]
  if (!added) return error.message
  const said = /[。！？]$/.test(error.message) ? error.message : `${error.message}。`
  return `${said}${added}`
}
