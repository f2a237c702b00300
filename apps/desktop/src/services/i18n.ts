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
