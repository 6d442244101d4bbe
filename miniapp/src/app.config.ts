// Tab pages live in the main package (WeChat requires it); the staff workspace is the `staff` subpackage.
export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/booking/index',
    'pages/policies/index',
    'pages/messages/index',
    'pages/me/index',
    'pages/login/index',
    'pages/profile/index',
    'pages/identity/index',
    'pages/family/index',
    'pages/my-data/index',
    // Where an unknown address leads (shell/navigation.ts, handleUnknownPages).
    'pages/not-found/index'
  ],
  // Browser build: pages appear at once instead of sliding in (calmer for older eyes; WeChat keeps its own).
  animation: false,
  subPackages: [
    {
      root: 'staff',
      pages: [
        'pages/login/index',
        'pages/home/index',
        'pages/policies/index',
        'pages/policy/index',
        'pages/policy-edit/index',
        'pages/schedule/index',
        'pages/schedule-batch/index',
        'pages/day-board/index',
        'pages/inbox/index',
        'pages/thread/index',
        'pages/notices/index',
        'pages/notice/index',
        'pages/notice-edit/index',
        'pages/veterans/index',
        'pages/veteran/index',
        'pages/veteran-edit/index',
        'pages/import/index',
        'pages/dashboard/index',
        'pages/staff-accounts/index',
        'pages/audit/index',
        'pages/password/index'
      ]
    },
    // Reading a policy and "ask staff" (policy pages outside the 政策 tab).
    { root: 'policy', pages: ['pages/detail/index', 'pages/ask/index'] },
    // Written questions to staff (a new question, one conversation), a notice, and 消息设置 (lists are in 消息).
    {
      root: 'messages',
      pages: ['pages/new/index', 'pages/thread/index', 'pages/notice/index', 'pages/settings/index']
    },
    // Booking steps after the 预约 tab, 我的预约 and a booking's check-in code.
    {
      root: 'booking',
      pages: [
        'pages/centers/index',
        'pages/slots/index',
        'pages/confirm/index',
        'pages/mine/index',
        'pages/detail/index'
      ]
    }
  ],
  // WeChat: the location is asked for only to list the nearest service centers first.
  permission: { 'scope.userLocation': { desc: '用于把离您最近的服务中心排在前面' } },
  requiredPrivateInfos: ['getLocation'],
  window: {
    navigationBarTitleText: 'M市退役军人服务',
    navigationBarBackgroundColor: '#a4161a',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f3ef',
    backgroundTextStyle: 'dark'
  },
  tabBar: {
    color: '#595959',
    selectedColor: '#a4161a',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png'
      },
      {
        pagePath: 'pages/booking/index',
        text: '预约',
        iconPath: 'assets/tabbar/booking.png',
        selectedIconPath: 'assets/tabbar/booking-active.png'
      },
      {
        pagePath: 'pages/policies/index',
        text: '政策',
        iconPath: 'assets/tabbar/policies.png',
        selectedIconPath: 'assets/tabbar/policies-active.png'
      },
      {
        pagePath: 'pages/messages/index',
        text: '消息',
        iconPath: 'assets/tabbar/messages.png',
        selectedIconPath: 'assets/tabbar/messages-active.png'
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png'
      }
    ]
  }
})
