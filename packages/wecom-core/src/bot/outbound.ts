// What this side sends. Types only: WeCom validates the cards; we check what we can count (sizes).
export interface StreamReply {
  /** Same id for every part of one answer; the last part has finish: true. */
  id: string;
  content?: string;
  finish?: boolean;
  feedback?: { id: string };
}

export type BotReplyBody =
  | { msgtype: 'stream'; stream: StreamReply }
  | { msgtype: 'template_card'; template_card: BotTemplateCard }
  | { msgtype: 'stream_with_template_card'; stream: StreamReply; template_card?: BotTemplateCard };

export type BotWelcomeBody =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'template_card'; template_card: BotTemplateCard };

export interface BotUpdateCardBody {
  response_type: 'update_template_card';
  userids?: string[];
  template_card: BotTemplateCard;
}

export type BotSendBody =
  | { msgtype: 'markdown'; markdown: { content: string } }
  | { msgtype: 'template_card'; template_card: BotTemplateCard }
  | { msgtype: 'file' | 'image' | 'voice' | 'video'; [media: string]: unknown };

/** A template card (button_interaction, text_notice, …); WeCom checks the fields. */
export interface BotTemplateCard {
  card_type: string;
  task_id?: string;
  [field: string]: unknown;
}
