import Taro from '@tarojs/taro'
import { api } from './instance'
import { RealtimeClient, socketUrl, type SocketLike } from './realtime-client'

export { backoffDelay, type RealtimeFrame, type RealtimeStatus } from './realtime-client'

/** Taro's SocketTask (WeChat's, or the browser's WebSocket behind Taro's H5 layer) as the client's socket. */
async function connectTaroSocket(url: string): Promise<SocketLike> {
  const task = await Taro.connectSocket({ url })
  return {
    send: (text) => void task.send({ data: text }),
    close: (code, reason) => void task.close({ code, reason }),
    onOpen: (listener) => task.onOpen(() => listener()),
    onMessage: (listener) => task.onMessage((event) => listener(typeof event.data === 'string' ? event.data : '')),
    onClose: (listener) => task.onClose((event) => listener(event.code)),
    onError: (listener) => task.onError(() => listener())
  }
}

function createRealtime(): RealtimeClient {
  const isH5 = process.env.TARO_ENV === 'h5'
  const base = process.env.TARO_APP_API_BASE || '/api/v1'
  const client = new RealtimeClient({
    url: socketUrl(base, isH5 ? window.location : undefined),
    connect: connectTaroSocket,
    accessToken: () => api.session?.accessToken ?? null,
    // Any authenticated call refreshes an expired access token (the API client does it on a 401).
    renewSession: () =>
      api.get('/me').then(
        () => api.session !== null,
        () => api.session !== null
      )
  })

  // Sign-in, sign-out, and the three moments frames may have been missed: network back, app back in front, a
  // page shown again (pages call realtime.wake() from useDidShow).
  api.subscribe((event) => {
    if (event.type === 'signedOut') client.stop()
    else if (event.type === 'signedIn') client.wake()
  })
  if (isH5) {
    window.addEventListener('online', () => client.wake())
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') client.wake()
    })
  } else {
    Taro.onNetworkStatusChange((result) => {
      if (result.isConnected) client.wake()
    })
    Taro.onAppShow(() => client.wake())
  }
  return client
}

/**
 * The app's one live connection to the BFF (`GET /api/v1/ws`), shared by every screen: residents' conversations and
 * the staff inbox alike.
 *
 * - `realtime.subscribe('message.created', handler)` → unsubscribe. The socket opens with the first subscriber.
 * - `realtime.onCatchUp(listener)` → unsubscribe: fetch what is newer than what the screen holds (by seq); runs
 *   every time the connection becomes live, and on `wake()`.
 * - `realtime.status` / `realtime.onStatus(listener)`: while it is not `live`, poll.
 * - `realtime.wake()`: a page was shown again, the network came back: reconnect now and catch up.
 */
export const realtime = createRealtime()
