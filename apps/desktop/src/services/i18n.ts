// The few sentences the services write themselves (init labels, offline and sync messages).
// WeCom error messages come translated from wecom-core's errcode table.
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
  'offline.write': {
    zh: '当前离线：无法连接企业微信，未做任何更改',
    en: 'Offline: WeCom cannot be reached, nothing was changed',
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
  destinationChanged: {
    zh: '企业微信地址或网关已更改：为安全起见，请在设置中重新填写应用 Secret',
    en: 'The WeCom address or gateway changed: enter the app secrets again in Settings before any call carries them',
  },
  notFoundLive: { zh: '未找到该直播', en: 'This live was not found' },
  notFoundUser: { zh: '未找到该成员', en: 'This member was not found' },
  notFoundTag: { zh: '未找到该标签', en: 'This tag was not found' },
  notFoundChat: { zh: '未找到该群聊', en: 'This group chat was not found' },
  anchorFixed: { zh: '直播创建后不能更换主播', en: 'The anchor of a live cannot be changed after it is created' },
  noRecipients: { zh: '请至少选择一位接收人', en: 'Choose at least one recipient' },
  'invite.title': { zh: '直播邀请', en: 'Live invitation' },
  'invite.button': { zh: '详情', en: 'View' },
  'remind.default': { zh: '您尚未观看直播', en: 'You have not watched the live' },
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
  'notice.noAudience': {
    zh: '这场直播没有设置观众范围：先在编辑直播时选择观众，再发送通知',
    en: 'This live has no audience yet: choose its audience when editing the live, then send the notice',
  },
  'notice.unknownOutcome': {
    zh: '企业微信没有答复，消息可能已经送达：4 小时内重试不会重复发送（企业微信会识别重复消息）',
    en: 'WeCom did not answer, so the message may have been delivered: a retry within 4 hours cannot deliver it twice (WeCom drops the repeat)',
  },
  'notice.partsSent': { zh: '已发送 {done}/{total} 批', en: '{done} of {total} parts were sent' },
  'notice.retry.done': { zh: '已发送，无需重试', en: 'Already sent; there is nothing to retry' },
  'notice.retry.waiting': { zh: '提醒尚未到时间', en: 'The reminder is not due yet' },
  'notice.retry.busy': { zh: '正在发送', en: 'Being sent now' },
  'notice.retry.cancelled': { zh: '已取消', en: 'Cancelled' },
  'notice.retry.window': {
    zh: '首次发送已超过 4 小时，企业微信不再识别重复消息：为免重复，不再重试，请在消息记录或向接收人确认是否已送达',
    en: 'More than 4 hours have passed since the first attempt, so WeCom would no longer drop a repeat: it is not retried; check the message history or ask the recipients whether it arrived',
  },
  'notice.notFound': { zh: '未找到该通知或提醒', en: 'This notice or reminder was not found' },
  'reminder.missed': {
    zh: '提醒时间已过而应用当时未运行，未发送（直播前提醒只在直播开始前补发，回放提醒在到期后 24 小时内补发）',
    en: 'Its time passed while the app was not running, so it was not sent (a before-start reminder is sent late only until the live starts, a replay reminder within 24 hours of its time)',
  },
  'reminder.liveCancelled': { zh: '直播已取消', en: 'The live was cancelled' },
  'reminder.tooLate': {
    zh: '这个提醒时间已经过去：请选择更短的提前时间，或直接发送通知',
    en: 'That reminder time has already passed: choose a shorter lead time, or send a notice now',
  },
  'reminder.ended': { zh: '直播已取消，不能再安排提醒', en: 'The live is cancelled; no reminder can be scheduled' },
  'reminder.cannotCancel': { zh: '只能取消尚未发送的提醒', en: 'Only a reminder that has not been sent can be cancelled' },
  'calendar.location': { zh: '企业微信直播', en: 'WeCom Live' },
  'calendar.unknown': {
    zh: '企业微信没有答复，日程可能已经添加：为免重复，请在企业微信日历中确认',
    en: 'WeCom did not answer, so the schedule may have been added: check the WeCom calendar rather than adding it again',
  },
  notFoundJob: { zh: '未找到该同步任务', en: 'This sync job was not found' },
  notFoundSeries: { zh: '未找到该系列培训', en: 'This training series was not found' },
  'training.notEnded': {
    zh: '直播尚未结束，还没有缺席人员：结束后再提醒未参加的学员',
    en: 'The live has not ended, so nobody is absent yet: remind those who did not attend after it ends',
  },
  'training.repeatNotSent': {
    zh: '前面的直播创建失败，为避免重复创建，这一场未发送',
    en: 'Not sent: an earlier create failed, and nothing is sent twice',
  },
  noAudience: { zh: '该直播没有记录邀请对象', en: 'No audience was recorded for this live' },
  noAbsentees: { zh: '没有缺席人员', en: 'Nobody was absent' },
  'network.failed': { zh: '网络错误，请稍后重试', en: 'Network error; try again later' },
  'sync.org': { zh: '组织架构', en: 'Organisation' },
  'sync.lives': { zh: '直播', en: 'Lives' },
  'sync.watch': { zh: '观看统计', en: 'Watch statistics' },
  'sync.done': { zh: '同步完成', en: 'Sync finished' },
  'sync.cancelled': { zh: '同步已取消', en: 'Sync cancelled' },
  'sync.failed': { zh: '同步失败', en: 'Sync failed' },
  'keychain.unavailable': {
    zh: '系统钥匙串不可用，Secret 仅保存在本次运行的内存中',
    en: 'The system keychain is not available; secrets are kept in memory for this session only',
  },
  'profileData.notActive': {
    zh: '只能删除当前企业的本机记录',
    en: 'Only the active corp\'s local records can be removed',
  },
  'profileData.active': {
    zh: '不能删除当前正在使用的企业的数据，请先切换到其他企业',
    en: 'The data of the corp in use cannot be deleted: switch to another corp first',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type TextKey = keyof typeof texts;

export function t(language: Language, key: TextKey): string {
  const entry = texts[key];
  return language === 'zh-CN' ? entry.zh : entry.en;
}

/** A sentence with {name} placeholders filled in. */
export function tf(language: Language, key: TextKey, values: Record<string, string | number>): string {
  return t(language, key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
