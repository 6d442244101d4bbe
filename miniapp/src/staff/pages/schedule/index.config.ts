export default definePageConfig({ navigationBarTitleText: '号源排班' })
