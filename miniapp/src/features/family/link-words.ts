// What the "enter an invite code" card says, depending on who reads it. A veteran sees it under their own invite
// card, so it must say that the code there is for their family, and when they would use this card themselves.

export interface LinkCardWords {
  title: string
  /** Who does what, in order. */
  steps: string
}

export function linkCardWords(readerIsVeteran: boolean): LinkCardWords {
  if (readerIsVeteran) {
    return {
      title: '帮另一位退役军人办事',
      steps:
        '上面的邀请码是给您的家人用的，您自己不用填。' +
        '如果您还要帮另一位退役军人（比如您的父亲）预约、看通知，请他在自己的“我的 → 家人关联”里生成邀请码告诉您，再填到下面。'
    }
  }
  return {
    title: '输入家人的邀请码',
    steps:
      '第一步：请您家里的退役军人在他自己的“我的 → 家人关联”里点“生成邀请码”，把 8 位邀请码告诉您。' +
      '第二步：您把邀请码填在下面，选好您和他的关系，点“确认关联”。'
  }
}
