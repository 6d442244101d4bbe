export default definePageConfig({ navigationBarTitleText: '退役军人详情' })
