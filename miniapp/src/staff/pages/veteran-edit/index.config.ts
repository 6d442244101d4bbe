export default definePageConfig({ navigationBarTitleText: '退役军人信息' })
