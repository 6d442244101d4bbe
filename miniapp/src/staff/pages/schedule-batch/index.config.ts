export default definePageConfig({ navigationBarTitleText: '批量开放号源' })
