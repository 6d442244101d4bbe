/**
 * Every error the API can return: a stable code, the HTTP status it travels with, and a Chinese message that
 * tells the person what to do next. Clients show `message`; they branch on `code`.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '填写的内容有误，请检查后重试' },
  UNAUTHENTICATED: { status: 401, message: '登录已失效，请重新登录' },
  WECHAT_CODE_INVALID: { status: 401, message: '微信登录凭证无效或已过期，请重新进入小程序' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  REFRESH_TOKEN_REUSED: { status: 401, message: '登录状态异常，为保护账号安全已退出，请重新登录' },
  FORBIDDEN: { status: 403, message: '您没有权限进行此操作' },
  NOT_ELIGIBLE: { status: 403, message: '请先完成退役军人身份认证，或由已认证的退役军人邀请您成为家属' },
  SELF_APPROVAL: { status: 403, message: '不能审核自己起草的政策，请由其他工作人员审核' },
  NOT_FOUND: { status: 404, message: '内容不存在或已被删除' },
  REGISTRY_NO_MATCH: {
    status: 404,
    message:
      '没有找到与这个姓名和身份证号一致的登记信息。请对照身份证再看一遍是否填错；' +
      '都没有填错的话，可能您还没有登记，请带上身份证和退役证件到所在区县的退役军人服务中心登记'
  },
  INVITE_INVALID: { status: 404, message: '邀请码无效、已使用或已过期，请让家人重新生成' },
  VETERAN_ALREADY_BOUND: {
    status: 409,
    message:
      '该身份已被其他微信账号绑定。如果不是您本人或家人绑定的，请带上身份证到退役军人服务中心，工作人员会帮您解除'
  },
  VETERAN_EXISTS: { status: 409, message: '该身份证号已登记' },
  USERNAME_TAKEN: { status: 409, message: '用户名已被使用' },
  SLOT_FULL: { status: 409, message: '该时段已约满，请选择其他时段或登记候补' },
  ALREADY_BOOKED: { status: 409, message: '您已预约过该服务，请先完成或取消原预约' },
  TIME_CONFLICT: {
    status: 409,
    message: '该时段与您已有的预约时间冲突，请先取消或改约那个预约，或另选时段'
  },
  SLOT_NOT_FULL: { status: 409, message: '该时段还有空位，可直接预约' },
  CANCEL_WINDOW_CLOSED: { status: 409, message: '距开始时间太近，无法在线取消，请致电服务中心' },
  NOT_RATEABLE: { status: 409, message: '只能对已完成的服务评价一次' },
  CAPACITY_BELOW_BOOKED: { status: 409, message: '容量不能少于已预约人数' },
  CHECK_IN_NOT_OPEN: { status: 409, message: '签到在开始前 1 小时开放' },
  INVALID_STATE: { status: 409, message: '当前状态下不能进行此操作' },
  WAITLIST_EXISTS: { status: 409, message: '您已在该时段的候补名单中' },
  ID_NUMBER_INVALID: { status: 422, message: '身份证号码校验不通过，请核对后重新输入' },
  SLOT_NOT_BOOKABLE: { status: 422, message: '该时段已关闭或已开始，请选择其他时段' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '请求重复但内容不同，请刷新后重试' },
  TOO_MANY_ATTEMPTS: { status: 429, message: '尝试次数过多，请稍后再试' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  UNSUPPORTED_MEDIA: { status: 415, message: '只支持 JPG 或 PNG 图片' },
  TOO_LARGE: { status: 413, message: '文件太大，请选择 5 MB 以内的图片' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后再试' },
  WECHAT_UNAVAILABLE: { status: 503, message: '微信服务暂时不可用，请稍后再试' },
  UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  OVERLOADED: { status: 503, message: '服务繁忙，请稍后再试' },
  STORAGE_FULL: { status: 503, message: '系统存储空间不足，您的操作没有保存，请稍后再试' },
  CHECK_IN_CODE_INVALID: { status: 422, message: '签到码不正确，请让预约人打开“我的预约”出示签到二维码' },
  SLOT_NOT_ENDED: { status: 409, message: '该时段尚未结束，结束后才能标记为未到' },
  LAST_ADMIN: { status: 409, message: '这是最后一个可用的管理员账号，不能停用或改为普通工作人员' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '请先修改密码，再继续使用' },
  IMPORT_FILE_INVALID: { status: 422, message: '文件无法读取，请上传从表格软件导出的 CSV 或 XLSX 文件' },
  SLOT_EXISTS: { status: 409, message: '该服务在这个时间已有时段，请修改已有时段或换个时间' }
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof ERRORS

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[]

export function errorMessage(code: string): string {
  return (ERRORS as Record<string, { message: string }>)[code]?.message ?? ERRORS.INTERNAL.message
}
