export default definePageConfig({ navigationBarTitleText: '没有找到这个页面' })
