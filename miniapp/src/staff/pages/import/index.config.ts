export default definePageConfig({ navigationBarTitleText: '导入退役军人信息' })
