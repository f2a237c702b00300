// message/send, message/recall and message/get_statistics: answers and the typed message payloads.
import { z } from 'zod';
import { envelopeShape } from './common.ts';
import type { TemplateCard } from './template-card.ts';

export type { TemplateCard } from './template-card.ts';

export const messageSendResponseSchema = z.object({
  ...envelopeShape,
  /** '|'-joined, lower-cased userids that did not receive the message. */
  invaliduser: z.string().optional(),
  invalidparty: z.string().optional(),
  invalidtag: z.string().optional(),
  /** Users without a basic API licence (or with an expired one). */
  unlicenseduser: z.string().optional(),
  msgid: z.string().optional(),
  /** Interactive template cards only; single use. */
  response_code: z.string().optional(),
});
export type MessageSendResponse = z.infer<typeof messageSendResponseSchema>;

export const messageStatisticsResponseSchema = z.object({
  ...envelopeShape,
  statistics: z
    .array(z.object({ agentid: z.number().int(), app_name: z.string().optional(), count: z.number() }))
    .default([]),
});
export type MessageStatistics = z.infer<typeof messageStatisticsResponseSchema>['statistics'];

export interface NewsArticle {
  title: string;
  description?: string;
  url?: string;
  picurl?: string;
  appid?: string;
  pagepath?: string;
}

export interface MpnewsArticle {
  title: string;
  thumb_media_id: string;
  author?: string;
  content_source_url?: string;
  content: string;
  digest?: string;
}

/** The payload of a message: msgtype plus the field of the same name. */
export type MessageContent =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'image'; image: { media_id: string } }
  | { msgtype: 'voice'; voice: { media_id: string } }
  | { msgtype: 'video'; video: { media_id: string; title?: string; description?: string } }
  | { msgtype: 'file'; file: { media_id: string } }
  | { msgtype: 'textcard'; textcard: { title: string; description: string; url: string; btntxt?: string } }
  | { msgtype: 'news'; news: { articles: NewsArticle[] } }
  | { msgtype: 'mpnews'; mpnews: { articles: MpnewsArticle[] } }
  | { msgtype: 'markdown'; markdown: { content: string } }
  | {
      msgtype: 'miniprogram_notice';
      miniprogram_notice: {
        appid: string;
        page?: string;
        title: string;
        description?: string;
        emphasis_first_item?: boolean;
        content_item?: { key: string; value: string }[];
      };
    }
  | { msgtype: 'template_card'; template_card: TemplateCard };

export type MessageType = MessageContent['msgtype'];

/** Message types an app group chat accepts. */
export type AppchatMessageContent = Extract<
  MessageContent,
  { msgtype: 'text' | 'image' | 'voice' | 'video' | 'file' | 'textcard' | 'news' | 'mpnews' | 'markdown' }
>;

export interface MessageRecipients {
  /** userids, or '@all' for everyone in the app's visibility range. */
  touser?: string[] | '@all';
  toparty?: (number | string)[];
  totag?: (number | string)[];
}

export interface MessageSendOptions {
  /** 0 shareable, 1 confidential with watermark, 2 share inside the corp only (mpnews). */
  safe?: 0 | 1 | 2;
  enable_id_trans?: 0 | 1;
  enable_duplicate_check?: 0 | 1;
  /** Seconds, default 1800, at most 4 hours. */
  duplicate_check_interval?: number;
}

/** What message/send reported, with WeCom's '|'-joined lists split into arrays. */
export interface MessageSendResult {
  msgid: string | null;
  invaliduser: string[];
  invalidparty: string[];
  invalidtag: string[];
  unlicenseduser: string[];
  response_code: string | null;
  /**
   * Set when WeCom accepted the message (errcode 0) but parts of its answer could not be read:
   * the fields that could not. The message was sent; what is missing is only the report.
   */
  unreadable?: string[];
}
