// The AI-bot long connection (智能机器人长连接).
export { BotConnection } from './bot-connection.ts';
export type { BotConnectionOptions, BotConnectionEvents, InboundContext } from './bot-connection.ts';
export { BOT_STATE_TEXT, isTerminal as isTerminalBotState } from './bot-state.ts';
export type { BotConnectionState, BotStatus } from './bot-state.ts';
export type { BotStatsSnapshot, BotCmdStats } from './bot-stats.ts';
export type { Pressure as BotPressure } from './ack-queue.ts';
export { BOT_CMD, DEFAULT_BOT_WS_URL, STREAM_CONTENT_MAX_BYTES, UPLOAD_CHUNK_MAX_BYTES } from './commands.ts';
export { botMessageSchema, botEventSchema, cardEventKey } from './frames.ts';
export type { BotMessage, BotEvent, BotEventType, BotAck } from './frames.ts';
export type {
  StreamReply,
  BotReplyBody,
  BotWelcomeBody,
  BotUpdateCardBody,
  BotSendBody,
  BotTemplateCard,
} from './outbound.ts';
export { uploadBotMedia } from './upload-media.ts';
export type { BotMediaUpload, BotUploadedMedia } from './upload-media.ts';
export { systemBotTimers } from './timers.ts';
export type { BotTimers, CancelTimer } from './timers.ts';
export { ManualTimers } from './manual-timers.ts';
export { DEFAULT_RECONNECT_BACKOFF, reconnectDelay } from './reconnect-delay.ts';
export type { ReconnectBackoff } from './reconnect-delay.ts';
