// The commands of the AI-bot long connection (智能机器人长连接), WeCom's wire names.
export const BOT_CMD = {
  subscribe: 'aibot_subscribe',
  ping: 'ping',
  respondMsg: 'aibot_respond_msg',
  respondWelcome: 'aibot_respond_welcome_msg',
  respondUpdate: 'aibot_respond_update_msg',
  sendMsg: 'aibot_send_msg',
  uploadInit: 'aibot_upload_media_init',
  uploadChunk: 'aibot_upload_media_chunk',
  uploadFinish: 'aibot_upload_media_finish',
  msgCallback: 'aibot_msg_callback',
  eventCallback: 'aibot_event_callback',
} as const;

export type BotOutboundCmd = Exclude<
  (typeof BOT_CMD)[keyof typeof BOT_CMD],
  'aibot_msg_callback' | 'aibot_event_callback'
>;

export const DEFAULT_BOT_WS_URL = 'wss://openws.work.weixin.qq.com';

/** Stream reply content limit (bytes, UTF-8). */
export const STREAM_CONTENT_MAX_BYTES = 20_480;

/** Media upload chunk limit (bytes, before base64). */
export const UPLOAD_CHUNK_MAX_BYTES = 512 * 1024;
