// The sentences the services compose themselves, in the admin's language:
// - what is sent to WeCom users (invitations, reminders; the bot's answers live in bot/answers.ts);
// - the start-up and sync progress labels main and the renderer show (still worded here).
// Errors are not worded here: they carry a code + params the renderer words (locales/*/errors.json).
export type Language = 'zh-CN' | 'en-US';

const texts = {
  'init.cache': { zh: '正在打开本地缓存…', en: 'Opening the local cache…' },
  'init.credentials': { zh: '正在读取凭据…', en: 'Loading credentials…' },
  'init.simulator': { zh: '正在启动演示环境…', en: 'Starting the demo environment…' },
  'init.connection': { zh: '正在连接企业微信…', en: 'Connecting to WeCom…' },
  'init.refresh': { zh: '正在同步数据…', en: 'Syncing data…' },
  'init.refresh.org': { zh: '正在同步组织架构…', en: 'Syncing the organisation…' },
  'init.refresh.tags': { zh: '正在同步标签…', en: 'Syncing tags…' },
  'init.refresh.anchors': { zh: '正在查找直播…', en: 'Looking for lives…' },
  'init.refresh.lives': { zh: '正在同步直播…', en: 'Syncing lives…' },
  'init.refresh.watch': { zh: '正在同步观看统计…', en: 'Syncing watch statistics…' },
  'init.refresh.background': { zh: '数据将在后台刷新', en: 'Refreshing data in the background' },
  'init.noCache': {
    zh: '无法连接企业微信，且本地没有缓存数据',
    en: 'WeCom cannot be reached and there is no cached data yet',
  },
  'init.cacheFailed': { zh: '无法打开本地缓存', en: 'The local cache could not be opened' },
  'init.nativeModule': {
    zh: '应用的原生模块无法在此系统上加载，安装包与本机系统不匹配，请安装适用于本机的安装包',
    en: 'A native module of the app cannot load on this system: the installed package was made for another one; install the package for this system',
  },
  'offline.reason': { zh: '无法连接企业微信', en: 'WeCom cannot be reached' },
  unconfigured: {
    zh: '尚未配置企业微信凭据（企业 ID、应用和 Secret）',
    en: 'WeCom credentials (corp ID, app and secret) are not configured yet',
  },
  missingSecret: {
    zh: '未找到应用 Secret，请在设置中填写',
    en: 'The app secret is missing: enter it in Settings',
  },
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
  'sync.org': { zh: '组织架构', en: 'Organisation' },
  'sync.lives': { zh: '直播', en: 'Lives' },
  'sync.watch': { zh: '观看统计', en: 'Watch statistics' },
  'sync.done': { zh: '同步完成', en: 'Sync finished' },
  'sync.cancelled': { zh: '同步已取消', en: 'Sync cancelled' },
  'sync.failed': { zh: '同步失败', en: 'Sync failed' },
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
