// template_card payloads (模板卡片消息), one shape per card_type.

export interface CardSource {
  icon_url?: string;
  desc?: string;
  /** 0 grey, 1 black, 2 red, 3 green */
  desc_color?: 0 | 1 | 2 | 3;
}
export interface CardMainTitle {
  title?: string;
  desc?: string;
}
export interface CardActionMenu {
  desc?: string;
  action_list: { text: string; key: string }[];
}
/** 0 none, 1 url, 2 mini-program (text_notice and news_notice require 1 or 2). */
export interface CardAction {
  type: 0 | 1 | 2;
  url?: string;
  appid?: string;
  pagepath?: string;
}
export interface CardHorizontalContent {
  /** 0 text, 1 url, 2 media download, 3 member detail */
  type?: 0 | 1 | 2 | 3;
  keyname: string;
  value?: string;
  url?: string;
  media_id?: string;
  userid?: string;
}
export interface CardJump {
  /** 0 none, 1 url, 2 mini-program */
  type?: 0 | 1 | 2;
  title: string;
  url?: string;
  appid?: string;
  pagepath?: string;
}
export interface CardQuoteArea {
  type?: 0 | 1 | 2;
  url?: string;
  appid?: string;
  pagepath?: string;
  title?: string;
  quote_text?: string;
}
export interface CardOption {
  id: string;
  text: string;
}
export interface CardSubmitButton {
  text: string;
  key: string;
}

interface CardCommon {
  source?: CardSource;
  action_menu?: CardActionMenu;
  main_title?: CardMainTitle;
  /** Needed to update the card later; required for interactive cards. */
  task_id?: string;
}

export interface TextNoticeCard extends CardCommon {
  card_type: 'text_notice';
  emphasis_content?: { title?: string; desc?: string };
  quote_area?: CardQuoteArea;
  sub_title_text?: string;
  horizontal_content_list?: CardHorizontalContent[];
  jump_list?: CardJump[];
  card_action: CardAction;
}

export interface NewsNoticeCard extends CardCommon {
  card_type: 'news_notice';
  image_text_area?: {
    type?: 0 | 1 | 2;
    url?: string;
    appid?: string;
    pagepath?: string;
    title?: string;
    desc?: string;
    image_url: string;
  };
  card_image?: { url: string; aspect_ratio?: number };
  quote_area?: CardQuoteArea;
  vertical_content_list?: { title: string; desc?: string }[];
  horizontal_content_list?: CardHorizontalContent[];
  jump_list?: CardJump[];
  card_action: CardAction;
}

export interface ButtonInteractionCard extends CardCommon {
  card_type: 'button_interaction';
  task_id: string;
  quote_area?: CardQuoteArea;
  sub_title_text?: string;
  horizontal_content_list?: CardHorizontalContent[];
  card_action?: CardAction;
  button_selection?: {
    question_key: string;
    title?: string;
    option_list: CardOption[];
    selected_id?: string;
  };
  /** 0 callback with key, 1 open url */
  button_list: { type?: 0 | 1; text: string; style?: 1 | 2 | 3 | 4; key?: string; url?: string }[];
}

export interface VoteInteractionCard extends CardCommon {
  card_type: 'vote_interaction';
  task_id: string;
  checkbox: { question_key: string; option_list: (CardOption & { is_checked?: boolean })[]; mode?: 0 | 1 };
  submit_button: CardSubmitButton;
}

export interface MultipleInteractionCard extends CardCommon {
  card_type: 'multiple_interaction';
  task_id: string;
  select_list: { question_key: string; title?: string; selected_id?: string; option_list: CardOption[] }[];
  submit_button: CardSubmitButton;
}

export type TemplateCard =
  TextNoticeCard | NewsNoticeCard | ButtonInteractionCard | VoteInteractionCard | MultipleInteractionCard;
