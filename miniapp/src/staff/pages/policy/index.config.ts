export default definePageConfig({ navigationBarTitleText: '政策审核发布' })
