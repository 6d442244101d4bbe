export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: 'M市退役军人服务' }
})
