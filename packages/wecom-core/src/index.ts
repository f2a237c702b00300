// @wld/wecom-core: a typed WeCom (企业微信) server-API client. No Electron; usable alone.
export * from './pipeline-exports.ts';

export { createWeComClient } from './client.ts';
export type { WeComClient, WeComClientOptions, AppServices } from './client.ts';

// Errcodes
export { ERRCODES, CALL_FIXES, describeErrcode, fixFor, parseErrmsg, errcodeDocUrl, isKnownErrcode } from './errors/errcodes.ts';
export type { ErrcodeDescription, ParsedErrmsg } from './errors/errcodes.ts';

// Services
export { AuthService } from './services/auth.ts';
export type { ConnectionTestResult } from './services/auth.ts';
export { UsersService, LIST_ID_MAX_LIMIT, DEFAULT_WALK_CONCURRENCY } from './services/users.ts';
export type { ListIdOptions, TreeWalkOptions, DepartmentMembers } from './services/users.ts';
export { DepartmentsService, buildDepartmentTree } from './services/departments.ts';
export type { DepartmentNode } from './services/departments.ts';
export { TagsService } from './services/tags.ts';
export { LivesService, WatchStatStuckError, USER_LIVING_IDS_MAX_LIMIT } from './services/lives.ts';
export type { LivingIdsOptions, WatchStatAll, WatchStatOptions } from './services/lives.ts';
export { MediaService, guessContentType } from './services/media.ts';
export type { MediaFile, UploadedMedia, MediaGetOptions } from './services/media.ts';
export { MessagesService, toSendResult, hasPartialFailure } from './services/messages.ts';
export type { MessageSendRequest } from './services/messages.ts';
export { AppchatService } from './services/appchat.ts';
export type { AppchatCreateRequest, AppchatUpdateRequest } from './services/appchat.ts';
export { SchedulesService } from './services/schedules.ts';
export { JsSdkService } from './services/jssdk.ts';
export type { TicketKind } from './services/jssdk.ts';
export type { CallOptions, ReadOptions, ServiceContext } from './services/options.ts';
export {
  completionRate,
  watchTotals,
  WatchTotalsAccumulator,
  departmentWatchRows,
  summarizeByDepartment,
  distribution,
  COMPLETION_EDGES,
  WATCH_TIME_EDGES,
} from './services/statistics.ts';
export type {
  WatchTotals,
  DepartmentWatchRow,
  DepartmentWatchSummary,
  DistributionBucket,
} from './services/statistics.ts';

// Models (WeCom's wire names)
export { envelopeShape, okResponseSchema } from './models/common.ts';
export type { OkResponse } from './models/common.ts';
export * from './models/user.ts';
export * from './models/department.ts';
export * from './models/tag.ts';
export * from './models/living.ts';
export * from './models/media.ts';
export * from './models/message.ts';
export type * from './models/template-card.ts';
export * from './models/appchat.ts';
export * from './models/schedule.ts';
export * from './models/ticket.ts';

// WeCom's limits, the UTF-8 byte counter and the secret redactor (also @wld/wecom-core/rules)
export * from './rules/index.ts';

// Client-side validation
export { USERID_PATTERN } from './validation/ids.ts';
export { validateCreateLiving, validateModifyLiving } from './validation/living.ts';
export { validateMessage } from './validation/message.ts';
export {
  validateAppchatCreate,
  validateAppchatUpdate,
  validateAppchatSend,
} from './validation/appchat.ts';
export { validateScheduleAdd, validateScheduleUpdate, validateScheduleIds } from './validation/schedule.ts';
export {
  validateMediaUpload,
  validateUploadImg,
} from './validation/media.ts';

// Paging helpers
export { chainedPages } from './paging/chained-pages.ts';
export type { ChainedPagesOptions } from './paging/chained-pages.ts';
export { mapConcurrent } from './paging/map-concurrent.ts';

// Callback crypto and JS-SDK signature
export { WXBizMsgCrypt } from './crypto/wx-biz-msg-crypt.ts';
export type { CallbackCryptoConfig, CallbackQuery } from './crypto/wx-biz-msg-crypt.ts';
export { WeComCryptoError } from './crypto/crypto-error.ts';
export type { CryptoErrorCode } from './crypto/crypto-error.ts';
export { decodeAesKey, encryptMessage, decryptMessage, pkcs7Pad, pkcs7Unpad } from './crypto/aes.ts';
export type { DecryptedMessage } from './crypto/aes.ts';
export { msgSignature, verifyMsgSignature, signaturesEqual } from './crypto/signature.ts';
export { extractEncrypt, buildEncryptedReply } from './crypto/callback-xml.ts';
export { jsApiSignature, randomNonce, stripFragment } from './crypto/jssdk-signature.ts';
export type { JsApiSignature, JsApiSignatureInput } from './crypto/jssdk-signature.ts';

// AI-bot long connection (智能机器人长连接)
export * from './bot/index.ts';
export {
  WeComBotAuthError,
  WeComBotTimeoutError,
  WeComBotConnectionError,
  WeComBotTakenOverError,
  WeComBotBackpressureError,
} from './errors/bot-errors.ts';
