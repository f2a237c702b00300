// The one place for what the services compose in the admin's language: texts sent to WeCom users
// (live invitations, absentee reminders, the bot's answers and chat reminders). Everything shown in
// the app travels as a code with params and is worded by the renderer (locales/*/*.json).
export type Language = 'zh-CN' | 'en-US';

const texts = {
  'bot.help': {
    zh: '你好，我是培训助手。可以问我：\n> 下一场培训什么时候\n> 我的学习记录\n> 我还有哪些没完成',
    en: "Hello, I'm the training assistant. Ask me:\n> When is the next training\n> My learning record\n> What have I not finished",
  },
  'bot.unknownUser': {
    zh: '没有找到你的成员信息，请联系管理员同步通讯录。',
    en: 'Your member record was not found; ask an admin to sync the directory.',
  },
  'bot.noNext': { zh: '近期没有需要参加的培训。', en: 'No upcoming training for you.' },
  'bot.noRecord': { zh: '还没有你的观看记录。', en: 'No watch record yet.' },
  'bot.allDone': { zh: '太好了，你的培训都已完成。', en: 'All your trainings are done.' },
  'invite.title': { zh: '直播邀请', en: 'Live invitation' },
  'invite.button': { zh: '详情', en: 'View' },
  'remind.default': { zh: '您尚未观看直播', en: 'You have not watched the live' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type TextKey = keyof typeof texts;

export function t(language: Language, key: TextKey): string {
  const entry = texts[key];
  return language === 'en-US' ? entry.en : entry.zh;
}

/** The bot's reminder in a group chat: who has not watched the live yet. */
export function absenteeChatReminder(language: Language, count: number, theme: string, mentions: string): string {
  return language === 'en-US'
    ? `**Reminder**: ${count} people have not watched "${theme}" yet. ${mentions}`
    : `**提醒**：还有 ${count} 人未观看「${theme}」，请尽快观看回放。${mentions}`;
}
