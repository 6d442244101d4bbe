export default definePageConfig({ navigationBarTitleText: '咨询工作人员' })
