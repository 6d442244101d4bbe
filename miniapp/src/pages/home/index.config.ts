export default definePageConfig({ navigationBarTitleText: 'M市退役军人服务' })
