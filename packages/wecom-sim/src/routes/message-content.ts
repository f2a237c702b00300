// Message payload rules shared by message/send and appchat/send: which msgtypes exist, required
// fields, byte limits and media references.
import { fail } from '../errors.ts';
import type { MediaType } from '../state/model.ts';
import type { SimStore } from '../state/store.ts';
import { charLength, utf8Length } from './validate.ts';

/** What an app group chat accepts; message/send takes these and two card kinds more. */
export const APPCHAT_MSGTYPES = new Set(['text', 'image', 'voice', 'video', 'file', 'textcard', 'news', 'mpnews', 'markdown']);
export const SEND_MSGTYPES = new Set([...APPCHAT_MSGTYPES, 'miniprogram_notice', 'template_card']);

const TEXT_MAX_BYTES = 2048;
const MPNEWS_CONTENT_MAX_BYTES = 666 * 1024;
const MEDIA_TTL_MS = 3 * 86_400_000;
const CARD_TYPES = new Set([
  'text_notice',
  'news_notice',
  'button_interaction',
  'vote_interaction',
  'multiple_interaction',
]);
const INTERACTIVE_CARDS = new Set(['button_interaction', 'vote_interaction', 'multiple_interaction']);
const TASK_ID = /^[a-zA-Z0-9_\-@]{1,128}$/;

type Payload = Record<string, unknown>;

function str(p: Payload, key: string): string | undefined {
  const v = p[key];
  return typeof v === 'string' ? v : undefined;
}

function requireMedia(
  store: SimStore,
  now: number,
  mediaId: string | undefined,
  type: MediaType | null,
  field: string,
): void {
  if (!mediaId) fail(41006, `${field} is required`);
  const media = store.media.get(mediaId);
  if (!media || now - media.createdAt > MEDIA_TTL_MS)
    fail(40007, `${field} "${mediaId}" is unknown or expired (media_id lives 3 days)`);
  if (type && media.type !== type) fail(40007, `${field} "${mediaId}" is a ${media.type}, expected ${type}`);
}

function checkText(p: Payload, msgtype: string): void {
  const content = str(p, 'content');
  if (!content) fail(44004, `${msgtype}.content is empty`);
  const bytes = utf8Length(content);
  if (bytes > TEXT_MAX_BYTES)
    fail(45002, `${msgtype}.content is ${bytes} bytes, the limit is ${TEXT_MAX_BYTES}`);
}

function checkArticles(p: Payload, msgtype: string, store: SimStore, now: number): void {
  const articles = p.articles;
  if (!Array.isArray(articles) || articles.length === 0)
    fail(40058, `${msgtype}.articles must hold 1 to 8 articles`);
  if (articles.length > 8)
    fail(45008, `${msgtype}.articles holds ${articles.length} articles, the limit is 8`);
  articles.forEach((raw: unknown, i) => {
    const a = (raw && typeof raw === 'object' ? raw : {}) as Payload;
    const title = str(a, 'title');
    if (!title) fail(41016, `${msgtype}.articles[${i}].title is required`);
    if (utf8Length(title) > 128) fail(40058, `${msgtype}.articles[${i}].title exceeds 128 bytes`);
    if (msgtype === 'news' && !str(a, 'url') && !(str(a, 'appid') && str(a, 'pagepath'))) {
      fail(40058, `news.articles[${i}] needs a url (or appid and pagepath)`);
    }
    if (msgtype === 'mpnews') {
      requireMedia(store, now, str(a, 'thumb_media_id'), 'image', `mpnews.articles[${i}].thumb_media_id`);
      const content = str(a, 'content');
      if (!content) fail(44004, `mpnews.articles[${i}].content is empty`);
      if (utf8Length(content) > MPNEWS_CONTENT_MAX_BYTES)
        fail(45002, `mpnews.articles[${i}].content exceeds 666 KB`);
    }
  });
}

function checkTextcard(p: Payload): void {
  const title = str(p, 'title');
  const description = str(p, 'description');
  if (!title) fail(41016, 'textcard.title is required');
  if (!description) fail(41033, 'textcard.description is required');
  if (!str(p, 'url')) fail(40058, 'textcard.url is required');
  if (utf8Length(title) > 128) fail(40058, 'textcard.title exceeds 128 bytes');
  if (utf8Length(description) > 512) fail(40058, 'textcard.description exceeds 512 bytes');
  const btntxt = str(p, 'btntxt');
  if (btntxt !== undefined && charLength(btntxt) > 4) fail(40058, 'textcard.btntxt exceeds 4 characters');
}

/** Returns true for interactive template cards (they get a response_code). */
function checkTemplateCard(p: Payload): boolean {
  const cardType = str(p, 'card_type');
  if (!cardType || !CARD_TYPES.has(cardType))
    fail(40058, `template_card.card_type must be one of ${[...CARD_TYPES].join(', ')}`);
  const interactive = INTERACTIVE_CARDS.has(cardType);
  if (interactive) {
    const taskId = str(p, 'task_id');
    if (!taskId || !TASK_ID.test(taskId))
      fail(40058, 'template_card.task_id is required: 1-128 chars of [a-zA-Z0-9_-@]');
  } else if (!p.card_action || typeof p.card_action !== 'object') {
    fail(40058, `template_card.card_action is required for ${cardType}`);
  }
  return interactive;
}

/** Validates `body[msgtype]`; returns whether the message needs a response_code. */
export function checkMessageContent(
  body: Payload,
  allowed: ReadonlySet<string>,
  store: SimStore,
  now: number,
): { msgtype: string; interactive: boolean } {
  const msgtype = str(body, 'msgtype');
  if (!msgtype || !allowed.has(msgtype)) fail(40008, `msgtype must be one of ${[...allowed].join(', ')}`);
  const raw = body[msgtype];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    fail(40058, `${msgtype} is required (an object)`);
  const p = raw as Payload;
  const safe = body.safe;
  if (safe !== undefined && safe !== 0 && safe !== 1 && safe !== 2) fail(40058, 'safe must be 0, 1 or 2');
  switch (msgtype) {
    case 'text':
    case 'markdown':
      checkText(p, msgtype);
      return { msgtype, interactive: false };
    case 'image':
    case 'voice':
    case 'video':
      requireMedia(store, now, str(p, 'media_id'), msgtype, `${msgtype}.media_id`);
      return { msgtype, interactive: false };
    case 'file':
      requireMedia(store, now, str(p, 'media_id'), null, 'file.media_id');
      return { msgtype, interactive: false };
    case 'textcard':
      checkTextcard(p);
      return { msgtype, interactive: false };
    case 'news':
    case 'mpnews':
      checkArticles(p, msgtype, store, now);
      return { msgtype, interactive: false };
    case 'miniprogram_notice':
      if (!str(p, 'appid')) fail(40058, 'miniprogram_notice.appid is required');
      if (!str(p, 'title')) fail(41016, 'miniprogram_notice.title is required');
      return { msgtype, interactive: false };
    default:
      return { msgtype, interactive: checkTemplateCard(p) };
  }
}
