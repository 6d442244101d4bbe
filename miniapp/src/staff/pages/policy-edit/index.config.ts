export default definePageConfig({ navigationBarTitleText: '起草政策' })
