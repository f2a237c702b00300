// Dependency-free (part of @wld/wecom-core/rules), so the renderer words errcodes from the same table.
// WeCom's errcodes with what they mean, how the pipeline reacts, and what a person can do about them.
// Sources: the global error-code page (path/90313), the living, message, appchat, media and contacts docs.
import type { ErrcodeInfo, ErrorCategory, RetryClass } from './errcode-types.ts';

export type { ErrcodeInfo, ErrorCategory, RetryClass } from './errcode-types.ts';

type Language = 'zh-CN' | 'en-US';

function entry(
  category: ErrorCategory,
  retry: RetryClass,
  zh: string,
  en: string,
  fixZh?: string,
  fixEn?: string,
): ErrcodeInfo {
  return fixZh && fixEn
    ? { category, retry, zh, en, fix: { zh: fixZh, en: fixEn } }
    : { category, retry, zh, en };
}

const CHECK_PARAMS_ZH = '请检查请求参数是否符合接口文档。';
const CHECK_PARAMS_EN = 'Check the request parameters against the API documentation.';
const APPCHAT_RULE_ZH = '应用群聊仅限自建应用，且应用可见范围须为根部门；群必须由本应用创建。';
const APPCHAT_RULE_EN =
  'App group chats need a self-built app whose visibility range is the root department, and the chat must have been created by this app.';

/**
 * `{ip}` in a fix text is replaced by the IP WeCom reports in errmsg ("from ip: x.x.x.x").
 */
export const ERRCODES: Record<number, ErrcodeInfo> = {
  // --- general / server ---
  [-1]: entry(
    'server',
    'backoff',
    '企业微信系统繁忙',
    'WeCom is busy',
    '稍后自动重试；若持续出现请稍后再试。',
    'Retried automatically with backoff; if it persists, try again later.',
  ),
  0: entry('client', 'never', '请求成功', 'Success'),
  6000: entry(
    'server',
    'backoff',
    '数据版本冲突（有其他请求同时修改）',
    'Data version conflict (another request changed the same data)',
    '稍后重试即可。',
    'Retry a little later.',
  ),

  // --- credentials and token ---
  40001: entry(
    'auth',
    'token',
    'Secret 不正确或凭证无效',
    'Invalid secret or credential',
    '检查应用的 Secret 是否正确（重置后需更新），并确认应用已启用。',
    "Check the app's Secret (update it after a reset) and make sure the app is enabled.",
  ),
  40013: entry(
    'auth',
    'never',
    'CorpID 不正确',
    'Invalid CorpID',
    '在管理后台「我的企业 → 企业信息」中复制正确的企业 ID。',
    'Copy the correct Corp ID from the admin console (My Company → Company Info).',
  ),
  40014: entry(
    'auth',
    'token',
    'access_token 无效或已过期',
    'Invalid or expired access_token',
    '已自动重新获取 token；若仍失败请检查 Secret。',
    'The token is fetched again automatically; if it still fails, check the Secret.',
  ),
  40029: entry(
    'auth',
    'never',
    'OAuth code 无效（只能使用一次，5 分钟内有效）',
    'Invalid OAuth code (single use, valid for 5 minutes)',
    '让用户重新授权以获取新的 code。',
    'Ask the user to sign in again to get a new code.',
  ),
  40091: entry(
    'auth',
    'never',
    'Secret 不合法',
    'The secret is invalid',
    '确认 Secret 属于本企业的该应用且应用已启用；重置后需更新配置。',
    'Make sure the Secret belongs to this app of this corp and the app is enabled; update it after a reset.',
  ),
  41001: entry(
    'auth',
    'never',
    '缺少 access_token 参数',
    'access_token is missing',
    '客户端未携带 token，请检查网关或代理是否去掉了查询参数。',
    'The request carried no token; check that a gateway or proxy does not strip the query string.',
  ),
  41002: entry(
    'auth',
    'never',
    '缺少 corpid 参数',
    'corpid is missing',
    '在配置中填写企业 ID。',
    'Fill in the Corp ID in the settings.',
  ),
  41004: entry(
    'auth',
    'never',
    '缺少 secret 参数',
    'corpsecret is missing',
    '在配置中填写应用的 Secret。',
    "Fill in the app's Secret in the settings.",
  ),
  42001: entry(
    'auth',
    'token',
    'access_token 已过期',
    'access_token has expired',
    '已自动重新获取 token。',
    'The token is fetched again automatically.',
  ),
  42007: entry('auth', 'never', '预授权码已过期', 'The pre-auth code has expired'),
  42009: entry('auth', 'never', 'suite_access_token 已过期', 'suite_access_token has expired'),
  50003: entry(
    'auth',
    'never',
    '应用已停用',
    'The app is disabled',
    '在管理后台「应用管理」中启用该应用。',
    'Enable the app in the admin console (App Management).',
  ),

  // --- parameters ---
  40003: entry(
    'client',
    'never',
    '无效的 UserID',
    'Invalid UserID',
    'UserID 为 1–64 位字母、数字或 -_.，且必须存在；也可能是本应用该用 POST 却用了 GET。',
    'A UserID is 1–64 characters of letters, digits and -_. and must exist; a GET sent where POST is required also causes this.',
  ),
  40004: entry(
    'client',
    'never',
    '不支持的媒体文件类型',
    'Unsupported media file type',
    '图片用 JPG/PNG，语音用 AMR，视频用 MP4。',
    'Use JPG/PNG for images, AMR for voice, MP4 for video.',
  ),
  40005: entry(
    'client',
    'never',
    '不合法的媒体 type 参数',
    'Invalid media type parameter',
    'type 只能是 image、voice、video 或 file。',
    'type must be image, voice, video or file.',
  ),
  40006: entry(
    'client',
    'never',
    '不合法的文件大小',
    'Invalid file size',
    '文件须大于 5 字节且不超过该类型的上限（图片 10MB、语音 2MB、视频 10MB、文件 20MB）。',
    'Files must be larger than 5 bytes and within the type limit (image 10 MB, voice 2 MB, video 10 MB, file 20 MB).',
  ),
  40007: entry(
    'client',
    'never',
    '不合法的 media_id（临时素材 3 天后失效，或类型不符）',
    'Invalid media_id (temporary media expire after 3 days, or wrong type)',
    '重新上传素材以获取新的 media_id。',
    'Upload the file again to get a new media_id.',
  ),
  40008: entry(
    'client',
    'never',
    '不合法的消息类型 msgtype',
    'Invalid msgtype',
    '检查 msgtype 与消息体字段是否一致。',
    'Check that msgtype matches the message body field.',
  ),
  40009: entry(
    'client',
    'never',
    '图片大小不合法',
    'Invalid image size',
    '图片须为 5 字节到 10MB 的 JPG/PNG。',
    'Images must be JPG/PNG between 5 bytes and 10 MB.',
  ),
  40011: entry(
    'client',
    'never',
    '视频大小不合法',
    'Invalid video size',
    '视频须为 5 字节到 10MB 的 MP4。',
    'Videos must be MP4 between 5 bytes and 10 MB.',
  ),
  40031: entry('client', 'never', '不合法的 UserID 列表', 'Invalid UserID list'),
  40032: entry('client', 'never', 'UserID 列表长度不合法', 'Invalid length of the UserID list'),
  40033: entry(
    'client',
    'never',
    '请求中包含不合法的字符',
    'The request contains invalid characters',
    '检查是否含有 \\uxxxx 形式的字符或控制字符。',
    'Check for \\uxxxx escapes or control characters.',
  ),
  40035: entry(
    'client',
    'never',
    '不合法的参数',
    'Invalid parameter',
    '检查 JSON 格式、字段长度和数组大小；该用 POST 的接口不要用 GET。',
    'Check the JSON, field lengths and array sizes; do not use GET where POST is required.',
  ),
  40039: entry('client', 'never', 'URL 长度不合法', 'Invalid URL length'),
  40050: entry(
    'client',
    'never',
    '群聊 chatid 不存在',
    'The chatid does not exist',
    '确认群聊由本应用创建且 chatid 正确。',
    'Make sure the chat was created by this app and the chatid is right.',
  ),
  40056: entry(
    'client',
    'never',
    '不合法的 agentid',
    'Invalid agentid',
    '在应用详情页复制正确的 AgentId，并确认它与 Secret 属于同一应用。',
    "Copy the AgentId from the app's page and make sure it belongs to the same app as the Secret.",
  ),
  40057: entry(
    'client',
    'never',
    '回调 URL 不合法或验证失败',
    'Invalid callback URL or the URL check failed',
  ),
  40058: entry(
    'client',
    'never',
    '不合法的参数',
    'Invalid parameter',
    CHECK_PARAMS_ZH,
    CHECK_PARAMS_EN,
  ),
  40063: entry('client', 'never', '参数为空', 'A required parameter is empty'),
  40066: entry('client', 'never', '不合法的部门列表', 'Invalid department list'),
  40068: entry('client', 'never', '不合法的标签 ID', 'Invalid tag id'),
  40070: entry('client', 'never', '指定的标签范围结点全部无效', 'All nodes of the tag range are invalid'),
  40071: entry('client', 'never', '不合法的标签名字', 'Invalid tag name'),
  40072: entry('client', 'never', '不合法的标签名字长度', 'Invalid tag name length'),
  40074: entry(
    'client',
    'never',
    'news 消息不支持保密消息类型',
    'news messages do not support safe mode',
    '图文保密消息请使用 mpnews。',
    'Use mpnews for confidential articles.',
  ),
  40088: entry('client', 'never', 'jobid 不存在', 'The jobid does not exist'),
  40089: entry('client', 'never', '批量任务的结果已清理', 'The batch job result has been cleaned up'),
  40093: entry(
    'client',
    'never',
    'JS-SDK 签名错误',
    'Invalid JS-SDK signature',
    '签名用的 URL 必须与页面 URL 完全一致（不含 # 之后部分），ticket 须为当前有效的 ticket。',
    'Sign the exact page URL (without the #fragment) with a currently valid ticket.',
  ),
  40094: entry('client', 'never', '不合法的 URL', 'Invalid URL'),
  40123: entry(
    'client',
    'never',
    '图片格式不合法',
    'Invalid image format',
    '上传 JPG 或 PNG 图片。',
    'Upload a JPG or PNG image.',
  ),
  40125: entry('client', 'never', '无效的 open_userid', 'Invalid open_userid'),
  40206: entry(
    'client',
    'never',
    '请求体过大',
    'The request body is too large',
    '减少单次请求的数据量。',
    'Send less data per request.',
  ),
  41006: entry('client', 'never', '缺少 media_id 参数', 'media_id is missing'),
  41008: entry('client', 'never', '缺少 OAuth code 参数', 'The OAuth code is missing'),
  41009: entry('client', 'never', '缺少 userid 参数', 'userid is missing'),
  41010: entry('client', 'never', '缺少 url 参数', 'url is missing'),
  41011: entry('client', 'never', '缺少 agentid 参数', 'agentid is missing'),
  41016: entry('client', 'never', '缺少 title 参数', 'title is missing'),
  41017: entry('client', 'never', '缺少 tagid 参数', 'tagid is missing'),
  41019: entry('client', 'never', '缺少 department 参数', 'department is missing'),
  41033: entry('client', 'never', '缺少 description 参数', 'description is missing'),
  42012: entry(
    'client',
    'never',
    'jsapi_ticket 不可用',
    'The jsapi_ticket is not usable',
    '重新获取 ticket。',
    'Fetch a new ticket.',
  ),
  42022: entry('client', 'never', 'code 已被使用过', 'The code has already been used'),
  42052: entry(
    'client',
    'never',
    '企业微信没有可撤回的这条消息：已超过 24 小时、已被撤回（也可能是在管理后台撤回的），或这个 msgid 不存在',
    'WeCom has no message with this msgid left to recall: it is older than 24 hours, was already recalled (perhaps in the admin console), or does not exist',
    '没有撤回任何消息。已超过 24 小时的消息无法撤回。',
    'Nothing was recalled. A message older than 24 hours cannot be recalled.',
  ),
  43004: entry(
    'client',
    'never',
    '该成员未绑定微信或未关注微工作台',
    'The member has not linked WeChat or does not follow the WeCom plugin',
  ),
  43009: entry('permission', 'never', '企业未验证主体', 'The corp has not verified its organisation'),
  44001: entry('client', 'never', '多媒体文件为空', 'The media file is empty'),
  44004: entry(
    'client',
    'never',
    '文本消息内容为空',
    'The text content is empty',
    '填写消息内容。',
    'Write some message content.',
  ),
  45001: entry(
    'client',
    'never',
    '多媒体文件大小超过限制',
    'The media file is too large',
    '图片和视频不超过 10MB，语音不超过 2MB，普通文件不超过 20MB。',
    'Images and videos up to 10 MB, voice up to 2 MB, files up to 20 MB.',
  ),
  45002: entry(
    'client',
    'never',
    '消息内容超过长度限制',
    'The message is too long',
    '文本与 markdown 不超过 2048 字节，mpnews 正文不超过 666K 字节。',
    'Text and markdown up to 2048 bytes, mpnews content up to 666 KB.',
  ),
  45004: entry('client', 'never', 'description 参数长度超过限制', 'description is too long'),
  45007: entry(
    'client',
    'never',
    '语音播放时间超过限制（60 秒）',
    'The voice clip is longer than 60 seconds',
  ),
  45008: entry('client', 'never', '图文消息的文章数量不合法（1–8 篇）', 'A news message needs 1–8 articles'),
  45022: entry('client', 'never', '应用名称长度不合法', 'Invalid app name length'),
  45024: entry('client', 'never', '帐号数量超过上限', 'Too many accounts'),
  45026: entry('client', 'never', '触发删除用户数的保护', 'Mass-deletion protection was triggered'),
  45029: entry(
    'client',
    'never',
    '回包大小超过上限',
    'The response is too large',
    '按部门分页读取（如逐个部门调用 user/simplelist），不要递归拉取整棵树。',
    'Read department by department (e.g. user/simplelist per department) instead of fetching the whole tree.',
  ),
  45032: entry('client', 'never', '图文消息作者长度超过限制', 'The article author is too long'),
  45034: entry('client', 'never', 'URL 必须带协议头', 'The URL must include a scheme (https://)'),
  46004: entry('client', 'never', '指定的用户不存在', 'The user does not exist'),

  // --- frequency ---
  45009: entry(
    'rate_limit',
    'window',
    '接口调用超过频率限制',
    'API call frequency limit exceeded',
    '请等待限频窗口结束后再试：分钟级限制 60 秒、小时级 1 小时、天级到次日；不要反复重试。',
    'Wait for the limit window to end before retrying: 60 s for per-minute limits, 1 hour for hourly, the next day for daily limits; do not keep retrying.',
  ),
  45033: entry(
    'rate_limit',
    'backoff',
    '接口并发调用超过限制',
    'Too many concurrent calls to this API',
    '已降低并发并退避重试。',
    'Retried with lower concurrency and backoff.',
  ),

  // --- permissions ---
  48001: entry(
    'permission',
    'never',
    '该应用无权调用此接口',
    'This app is not authorised to call the API',
    '在管理后台为应用开通该接口权限（直播接口需把应用加入「直播 → 可调用接口的应用」）。',
    'Grant the app access to this API in the admin console (for living APIs add the app under Living → Apps allowed to call the API).',
  ),
  48002: entry(
    'permission',
    'never',
    '该 token 无权调用此接口',
    'This token may not call the API',
    '通讯录写接口需使用通讯录同步 Secret；通讯录同步 Secret 不能发消息；应用群聊需可见范围为根部门的自建应用。',
    'Contact writes need the contacts-sync secret; that secret cannot send messages; app group chats need a self-built app visible to the root department.',
  ),
  48005: entry('permission', 'never', '接口已废弃', 'The API has been retired'),
  48006: entry('permission', 'never', '接口权限被收回', 'The API permission has been revoked'),
  48009: entry(
    'permission',
    'never',
    '通讯录同步 Secret 从新 IP 调用，不能读取成员详情',
    'The contacts-sync secret called from a new IP may not read member details',
    '自 2022-08-15 起，请改用 user/list_id 与 department/simplelist，或使用自建应用的 Secret 读取详情。',
    'Since 2022-08-15: use user/list_id and department/simplelist instead, or read details with a self-built app secret.',
  ),
  50001: entry(
    'permission',
    'never',
    'redirect_url 未登记为可信域名',
    'redirect_url is not a trusted domain',
    '在应用的「网页授权及 JS-SDK」中配置可信域名。',
    "Add the domain to the app's trusted domains (Web authorisation & JS-SDK).",
  ),
  50002: entry(
    'permission',
    'never',
    '成员不在权限范围内',
    'The member is outside the permission range',
    '把成员加入应用的可见范围。',
    "Add the member to the app's visibility range.",
  ),
  60011: entry(
    'permission',
    'never',
    '指定的成员、部门或标签不在应用可见范围内，或无权操作',
    'The member, department or tag is outside the app visibility range, or not permitted',
    '在管理后台把相关成员或部门加入应用的可见范围（可见范围）。',
    "Add the members or departments to the app's visibility range (可见范围) in the admin console.",
  ),
  60020: entry(
    'permission',
    'never',
    '访问 IP 不在企业可信 IP 列表中',
    'The calling IP is not a trusted IP of the app',
    '在管理后台的应用详情中，把 IP {ip} 加入「企业可信IP」（约 1 分钟生效）。',
    "Add IP {ip} to the app's trusted IPs (企业可信IP) in the admin console; it takes about a minute.",
  ),
  60021: entry(
    'permission',
    'never',
    'userid 不在应用可见范围内',
    'The userid is outside the app visibility range',
    '把成员加入应用的可见范围（可见范围）。',
    "Add the member to the app's visibility range (可见范围).",
  ),
  60030: entry(
    'permission',
    'never',
    '对象不在应用可见范围内',
    'The object is outside the app visibility range',
    '检查应用的可见范围。',
    "Check the app's visibility range.",
  ),
  81011: entry(
    'permission',
    'never',
    '无权操作该标签',
    'No permission to operate on the tag',
    '只能操作本应用创建的标签。',
    'Only tags created by this app may be changed.',
  ),
  92000: entry(
    'permission',
    'never',
    '成员不在应用可见范围之内',
    'The member is outside the app visibility range',
    '把主播或成员加入应用的可见范围。',
    "Add the anchor or member to the app's visibility range.",
  ),
  92001: entry('permission', 'never', '应用没有敏感信息权限', 'The app has no right to sensitive data'),
  92002: entry('permission', 'never', '不允许跨企业调用', 'Cross-corp calls are not allowed'),
  92003: entry('permission', 'never', '不允许跨应用调用', 'Cross-app calls are not allowed'),
  92008: entry(
    'permission',
    'never',
    '当前应用无权操作这个直播',
    'This app has no right to this living',
    '直播只能由创建它的应用查看和修改；请使用创建该直播的应用。',
    'A living can only be read or changed by the app that created it; use that app.',
  ),
  // --- schedules (oa/schedule/*) ---
  90466: entry(
    'client',
    'never',
    '日程 ID 不存在或不属于本应用',
    'The schedule does not exist or belongs to another app',
    '日程只能由创建它的应用修改或取消；确认 schedule_id 是本应用创建的。',
    'A schedule can only be changed or cancelled by the app that created it; check the schedule_id.',
  ),
  90485: entry('client', 'never', '非重复日程不能按单次操作', 'A non-repeating schedule has no single occurrence to change'),
  301002: entry('permission', 'never', '无权限操作指定的应用', 'No permission for the specified app'),
  301042: entry(
    'permission',
    'never',
    '请求 IP 不在白名单范围内',
    'The request IP is not in the allow-list',
    '把 IP {ip} 加入白名单。',
    'Add IP {ip} to the allow-list.',
  ),

  // --- paging ---
  50100: entry(
    'client',
    'never',
    '分页游标无效',
    'Invalid paging cursor',
    '从第一页重新开始分页（不传 cursor）。',
    'Restart paging from the first page (omit the cursor).',
  ),

  // --- contacts ---
  60001: entry('client', 'never', '部门名称长度不合法', 'Invalid department name length'),
  60003: entry(
    'client',
    'never',
    '部门 ID 不存在',
    'The department id does not exist',
    '刷新部门列表后重试。',
    'Refresh the department list and try again.',
  ),
  60004: entry('client', 'never', '父部门不存在', 'The parent department does not exist'),
  60102: entry('client', 'never', 'UserID 已存在', 'The UserID already exists'),
  60111: entry(
    'client',
    'never',
    'UserID 不存在',
    'The UserID does not exist',
    '成员可能已离职、被删除或不在可见范围内；确认使用的是 userid 而不是其他 ID。',
    'The member may have left, been deleted or be outside the visibility range; check that you used the userid and not another id.',
  ),
  60112: entry('client', 'never', '成员姓名不合法', 'Invalid member name'),
  60123: entry('client', 'never', '无效的部门 ID', 'Invalid department id'),
  60124: entry('client', 'never', '无效的父部门 ID', 'Invalid parent department id'),
  60125: entry('client', 'never', '部门名称不合法', 'Invalid department name'),
  60127: entry('client', 'never', '缺少 department 参数', 'department is missing'),
  60136: entry('client', 'never', '记录不存在', 'The record does not exist'),
  81001: entry(
    'client',
    'never',
    '部门下的结点数超过限制（3 万）',
    'Too many nodes in the department (30,000)',
  ),
  81002: entry('client', 'never', '部门层级超过 15 层', 'Departments may be at most 15 levels deep'),

  // --- messages ---
  81013: entry(
    'client',
    'never',
    '接收人全部无效或无权限',
    'All recipients (users, departments, tags) are invalid or not permitted',
    '确认接收人存在且在应用的可见范围内。',
    "Make sure the recipients exist and are inside the app's visibility range.",
  ),
  81026: entry(
    'server',
    'never',
    '功能维护中',
    'The feature is under maintenance',
    '请稍后再试。',
    'Try again later.',
  ),
  82001: entry(
    'client',
    'never',
    '接收人全部为空',
    'No recipients',
    '至少指定一个成员、部门或标签。',
    'Give at least one user, department or tag.',
  ),
  82002: entry(
    'client',
    'never',
    '部门 ID 列表长度不合法（最多 100 个）',
    'Invalid department list length (at most 100)',
  ),
  82003: entry(
    'client',
    'never',
    '标签 ID 列表长度不合法（最多 100 个）',
    'Invalid tag list length (at most 100)',
  ),

  // --- app group chats ---
  86001: entry(
    'client',
    'never',
    '群聊 chatid 不合法',
    'Invalid chatid',
    'chatid 最长 32 位，只能含字母和数字。',
    'A chatid has at most 32 letters and digits.',
  ),
  86003: entry('client', 'never', '群聊不存在', 'The chat does not exist', APPCHAT_RULE_ZH, APPCHAT_RULE_EN),
  86004: entry(
    'client',
    'never',
    '群名称不合法',
    'Invalid chat name',
    '群名称最多 50 个字符。',
    'A chat name has at most 50 characters.',
  ),
  86005: entry('client', 'never', '群主不合法', 'Invalid chat owner'),
  86006: entry(
    'client',
    'never',
    '群成员数过多或过少',
    'Too many or too few chat members',
    '群成员须为 2–2000 人。',
    'A chat needs 2–2000 members.',
  ),
  86007: entry('client', 'never', '不合法的群成员', 'Invalid chat member'),
  86008: entry(
    'permission',
    'never',
    '不能操作非本应用创建的群',
    'The chat was not created by this app',
    APPCHAT_RULE_ZH,
    APPCHAT_RULE_EN,
  ),
  86201: entry('client', 'never', '缺少 chatid 参数', 'chatid is missing'),
  86202: entry('client', 'never', '缺少群名称', 'The chat name is missing'),
  86203: entry('client', 'never', '缺少群主', 'The chat owner is missing'),
  86204: entry('client', 'never', '缺少群成员', 'The chat members are missing'),
  86205: entry('client', 'never', 'chatid 过长', 'The chatid is too long'),
  86206: entry('client', 'never', '数字 chatid 过大', 'The numeric chatid is too large'),
  86207: entry(
    'client',
    'never',
    '群主不在群成员列表中',
    'The owner is not in the member list',
    '把群主加入 userlist。',
    'Add the owner to userlist.',
  ),
  86215: entry('client', 'never', '群聊 chatid 已存在', 'The chatid already exists'),
  86216: entry('client', 'never', '存在非法群成员 ID', 'Some member ids are invalid'),
  86217: entry('client', 'never', '发送者不在群成员列表中', 'The sender is not a chat member'),
  86220: entry('client', 'never', '群聊参数不合法', 'Invalid chat parameter'),
  86224: entry(
    'client',
    'never',
    '群聊操作不允许',
    'The chat operation is not allowed',
    APPCHAT_RULE_ZH,
    APPCHAT_RULE_EN,
  ),

  // --- living ---
  92006: entry(
    'client',
    'never',
    '直播已经开始或已取消',
    'The living has already started or was cancelled',
    '只有「预约中」的直播可以修改或取消。',
    'Only a reserved (not yet started) living can be modified or cancelled.',
  ),
  92007: entry(
    'client',
    'never',
    '直播回放不能被删除',
    'The replay cannot be deleted',
    '该直播没有可删除的回放（未开启回放、仍在生成或已删除）。',
    'The living has no replay to delete (replay off, still generating, or already deleted).',
  ),

  // --- tickets ---
  91040: entry(
    'client',
    'never',
    '获取 ticket 的类型无效',
    'Invalid ticket type',
    'type 只能是 agent_config。',
    'type must be agent_config.',
  ),
};

/**
 * Fixes that belong to one call (by request path): a generic code such as 40058 means something
 * particular there. Elsewhere the code's own fix applies.
 */
export const CALL_FIXES: Readonly<Record<string, Readonly<Record<number, { zh: string; en: string }>>>> = {
  '/cgi-bin/message/recall': {
    40058: {
      zh: CHECK_PARAMS_ZH + '撤回消息只能撤回本应用发出的消息。',
      en: CHECK_PARAMS_EN + ' Only messages sent by this app can be recalled.',
    },
  },
};

/** The fix for a code on one call: the call's own when it has one, else the code's. */
export function fixFor(errcode: number, endpoint?: string | null): { zh: string; en: string } | undefined {
  const path = endpoint ? endpoint.split('?')[0]! : null;
  const own = path && Object.hasOwn(CALL_FIXES, path) ? CALL_FIXES[path]![errcode] : undefined;
  return own ?? ERRCODES[errcode]?.fix;
}

const DOC_QUERY = 'https://open.work.weixin.qq.com/devtool/query?e=';

export function errcodeDocUrl(errcode: number): string {
  return DOC_QUERY + String(errcode);
}

export interface ParsedErrmsg {
  /** errmsg without WeCom's trailing hint / from ip / more info parts. */
  text: string;
  hint: string | null;
  fromIp: string | null;
}

const HINT_RE = /hint:\s*\[([^\]]*)\]/;
const FROM_IP_RE = /from ip:\s*([0-9a-fA-F.:]+)/;
const TAIL_RE = /,?\s*(?:hint:\s*\[[^\]]*\]|from ip:\s*[0-9a-fA-F.:]+|more info at\s*\S+)/g;

export function parseErrmsg(errmsg: string): ParsedErrmsg {
  const hint = HINT_RE.exec(errmsg)?.[1]?.trim() || null;
  const fromIp = FROM_IP_RE.exec(errmsg)?.[1] ?? null;
  const text = errmsg
    .replace(TAIL_RE, '')
    .replace(/[\s,]+$/, '')
    .trim();
  return { text, hint, fromIp };
}

export function isKnownErrcode(errcode: number): boolean {
  return Object.hasOwn(ERRCODES, errcode);
}

function unknownInfo(errcode: number, text: string): ErrcodeInfo {
  const detail = text || 'no details';
  return {
    category: errcode >= 500 && errcode < 600 ? 'server' : 'client',
    retry: 'never',
    zh: `企业微信错误 ${errcode}：${text || '无详细信息'}`,
    en: `WeCom error ${errcode}: ${detail}`,
    fix: {
      zh: `请在 ${errcodeDocUrl(errcode)} 查询该错误码。`,
      en: `Look it up at ${errcodeDocUrl(errcode)}`,
    },
  };
}

export interface ErrcodeDescription {
  info: ErrcodeInfo;
  /** One sentence (or two) a person can act on, in the asked language. */
  message: string;
  /** WeCom's `hint: [...]` id, useful when asking WeCom support. */
  hint: string | null;
}

/** The entry for a code (a generic one for unknown codes) and a message in the asked language. */
export function describeErrcode(errcode: number, errmsg: string, language: Language, endpoint?: string | null): ErrcodeDescription {
  const parsed = parseErrmsg(errmsg ?? '');
  const entry = ERRCODES[errcode];
  const callFix = fixFor(errcode, endpoint);
  const known = entry && callFix ? { ...entry, fix: callFix } : entry;
  const zh = language === 'zh-CN';
  if (!known) {
    const info = unknownInfo(errcode, parsed.text);
    const message = zh ? `${info.zh}。${info.fix?.zh ?? ''}` : `${info.en}. ${info.fix?.en ?? ''}`;
    return { info, message, hint: parsed.hint };
  }
  const ip = parsed.fromIp ?? (zh ? '本机出口 IP' : "this machine's public IP");
  const fix = known.fix ? (zh ? known.fix.zh : known.fix.en).replaceAll('{ip}', ip) : '';
  const head = zh ? `${known.zh}（错误码 ${errcode}）` : `${known.en} (errcode ${errcode})`;
  const info: ErrcodeInfo = known.fix
    ? {
        ...known,
        fix: {
          zh: known.fix.zh.replaceAll('{ip}', parsed.fromIp ?? '本机出口 IP'),
          en: known.fix.en.replaceAll('{ip}', parsed.fromIp ?? "this machine's public IP"),
        },
      }
    : known;
  const message = fix ? (zh ? `${head}。${fix}` : `${head}. ${fix}`) : zh ? `${head}。` : `${head}.`;
  return { info, message, hint: parsed.hint };
}
