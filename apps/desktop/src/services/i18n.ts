// The one place for what the services compose in the admin's language: texts sent to WeCom users
// (live invitations, notices, reminders, absentee reminders, the bot's answers and chat reminders).
// Everything shown in the app travels as a code with params and is worded by the renderer
// (locales/*/errors.json), including why a notice failed, was missed or is not retried.
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
  'remind.about': { zh: '「{theme}」（{time}）', en: '"{theme}" ({time})' },
  'remind.default': { zh: '您尚未观看直播{about}', en: 'You have not watched the live {about}' },
  'notice.changed.title': { zh: '直播变更', en: 'Live changed' },
  'notice.changed.line': { zh: '直播的时间或内容已更新，请以此为准', en: 'The time or details of this live changed; this is the current plan' },
  'notice.cancelled.title': { zh: '直播取消', en: 'Live cancelled' },
  'notice.cancelled.was': { zh: '原定：{time}', en: 'Was planned for {time}' },
  'notice.cancelled.line': { zh: '本场直播已取消，无需参加', en: 'This live is cancelled; there is nothing to attend' },
  'reminder.before': {
    zh: '【直播提醒】「{theme}」将于 {time} 开始（{left}后），请准时参加。',
    en: 'Reminder: "{theme}" starts {time} (in {left}). Please join on time.',
  },
  'reminder.after': {
    zh: '【回放提醒】「{theme}」（{time}）已结束，你尚未完成观看。',
    en: 'Replay reminder: "{theme}" ({time}) has ended and you have not finished watching it.',
  },
  'reminder.after.default': {
    zh: '未完成的同事请在 3 天内观看回放。',
    en: 'If you have not finished, please watch the replay within 3 days.',
  },
  'duration.minutes': { zh: '{n} 分钟', en: '{n} min' },
  'duration.hours': { zh: '{n} 小时', en: '{n} h' },
  'duration.days': { zh: '{n} 天', en: '{n} days' },
  'calendar.location': { zh: '企业微信直播', en: 'WeCom Live' },
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

/** A sentence with {name} placeholders filled in. */
export function tf(language: Language, key: TextKey, values: Record<string, string | number>): string {
  return t(language, key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
