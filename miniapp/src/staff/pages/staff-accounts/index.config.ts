export default definePageConfig({ navigationBarTitleText: '人员与审计' })
