// Checks for message/send and appchat/send payloads and recipients.
import type { Language } from '../http/types.ts';
import type { MessageContent, MessageRecipients, MessageSendOptions } from '../models/message.ts';
import type { TemplateCard } from '../models/template-card.ts';
import { MESSAGE_LIMITS } from '../rules/limits.ts';
import { throwFirst, type InputProblem } from './fail.ts';
import { checkPositiveId, checkUserids } from './ids.ts';
import { maxBytes, maxChars, requireText } from './text.ts';

/** A template card's task_id: 1–128 characters of letters, digits and _-@. */
export const TASK_ID_PATTERN = /^[A-Za-z0-9_\-@]{1,128}$/;

function tooMany(field: string, count: number, max: number): InputProblem | null {
  if (count <= max) return null;
  return { field, zh: `最多 ${max} 个（当前 ${count} 个）`, en: `at most ${max} entries (got ${count})` };
}

function firstProblem(
  values: readonly unknown[],
  check: (field: string, value: unknown) => InputProblem | null,
  field: string,
) {
  for (let i = 0; i < values.length; i++) {
    const problem = check(`${field}[${i}]`, values[i]);
    if (problem) return problem;
  }
  return null;
}

export function recipientProblems(recipients: MessageRecipients): (InputProblem | null)[] {
  const { touser, toparty = [], totag = [] } = recipients;
  const users = touser === '@all' ? [] : (touser ?? []);
  const none = touser !== '@all' && users.length === 0 && toparty.length === 0 && totag.length === 0;
  return [
    none
      ? {
          field: 'touser',
          zh: '至少指定一个接收成员、部门或标签',
          en: 'give at least one user, department or tag',
        }
      : null,
    tooMany('touser', users.length, MESSAGE_LIMITS.touser),
    tooMany('toparty', toparty.length, MESSAGE_LIMITS.toparty),
    tooMany('totag', totag.length, MESSAGE_LIMITS.totag),
    checkUserids('touser', users),
    firstProblem(toparty, checkPositiveId, 'toparty'),
    firstProblem(totag, checkPositiveId, 'totag'),
  ];
}

function articleProblems(field: string, articles: readonly { title: string }[]): (InputProblem | null)[] {
  const count = articles.length;
  return [
    count < 1 || count > MESSAGE_LIMITS.articles
      ? { field, zh: `须为 1–8 篇（当前 ${count} 篇）`, en: `needs 1–8 articles (got ${count})` }
      : null,
    ...articles.map((article, i) => requireText(`${field}[${i}].title`, article.title)),
  ];
}

function templateCardProblems(card: TemplateCard): (InputProblem | null)[] {
  const interactive =
    card.card_type === 'button_interaction' ||
    card.card_type === 'vote_interaction' ||
    card.card_type === 'multiple_interaction';
  return [
    interactive ? requireText('template_card.task_id', card.task_id) : null,
    card.task_id !== undefined && !TASK_ID_PATTERN.test(card.task_id)
      ? {
          field: 'template_card.task_id',
          zh: '须为 1–128 位字母、数字或 _-@',
          en: 'must be 1–128 letters, digits or _-@',
        }
      : null,
    (card.card_type === 'text_notice' || card.card_type === 'news_notice') && !card.card_action
      ? { field: 'template_card.card_action', zh: '不能为空', en: 'is required for this card type' }
      : null,
    card.card_type === 'button_interaction' && card.button_list.length === 0
      ? { field: 'template_card.button_list', zh: '至少一个按钮', en: 'needs at least one button' }
      : null,
    card.main_title?.title === undefined
      ? null
      : maxChars('template_card.main_title.title', card.main_title.title, 36),
  ];
}

/** Problems of the payload itself, whichever endpoint sends it. */
export function contentProblems(content: MessageContent): (InputProblem | null)[] {
  switch (content.msgtype) {
    case 'text':
      return [
        requireText('text.content', content.text?.content),
        maxBytes('text.content', content.text?.content, MESSAGE_LIMITS.textBytes),
      ];
    case 'markdown':
      return [
        requireText('markdown.content', content.markdown?.content),
        maxBytes('markdown.content', content.markdown?.content, MESSAGE_LIMITS.markdownBytes),
      ];
    case 'image':
    case 'voice':
    case 'file':
      return [requireText(`${content.msgtype}.media_id`, mediaIdOf(content))];
    case 'video':
      return [
        requireText('video.media_id', content.video?.media_id),
        maxBytes('video.title', content.video?.title, 128),
        maxBytes('video.description', content.video?.description, 512),
      ];
    case 'textcard': {
      const card = content.textcard;
      return [
        requireText('textcard.title', card?.title),
        maxBytes('textcard.title', card?.title, MESSAGE_LIMITS.textcardTitleBytes),
        requireText('textcard.description', card?.description),
        maxBytes('textcard.description', card?.description, MESSAGE_LIMITS.textcardDescriptionBytes),
        requireText('textcard.url', card?.url),
        maxChars('textcard.btntxt', card?.btntxt, MESSAGE_LIMITS.textcardBtntxtChars),
      ];
    }
    case 'news':
      return articleProblems('news.articles', content.news?.articles ?? []);
    case 'mpnews': {
      const articles = content.mpnews?.articles ?? [];
      return [
        ...articleProblems('mpnews.articles', articles),
        ...articles.flatMap((a, i) => [
          requireText(`mpnews.articles[${i}].thumb_media_id`, a.thumb_media_id),
          requireText(`mpnews.articles[${i}].content`, a.content),
          maxBytes(`mpnews.articles[${i}].content`, a.content, MESSAGE_LIMITS.mpnewsContentBytes),
        ]),
      ];
    }
    case 'miniprogram_notice':
      return [
        requireText('miniprogram_notice.appid', content.miniprogram_notice?.appid),
        requireText('miniprogram_notice.title', content.miniprogram_notice?.title),
      ];
    case 'template_card':
      return content.template_card
        ? templateCardProblems(content.template_card)
        : [{ field: 'template_card', zh: '不能为空', en: 'is required' }];
    default: {
      const unknownType: { msgtype?: unknown } = content;
      return [
        {
          field: 'msgtype',
          zh: `不支持的消息类型 ${String(unknownType.msgtype)}`,
          en: `unsupported msgtype ${String(unknownType.msgtype)}`,
        },
      ];
    }
  }
}

function mediaIdOf(
  content: Extract<MessageContent, { msgtype: 'image' | 'voice' | 'file' }>,
): string | undefined {
  if (content.msgtype === 'image') return content.image?.media_id;
  if (content.msgtype === 'voice') return content.voice?.media_id;
  return content.file?.media_id;
}

function optionProblems(options: MessageSendOptions): (InputProblem | null)[] {
  const interval = options.duplicate_check_interval;
  return [
    interval !== undefined &&
    (!Number.isInteger(interval) || interval < 1 || interval > MESSAGE_LIMITS.duplicateCheckIntervalSeconds)
      ? { field: 'duplicate_check_interval', zh: '须为 1–14400 秒', en: 'must be 1–14400 seconds' }
      : null,
  ];
}

export function validateMessage(
  recipients: MessageRecipients,
  content: MessageContent,
  options: MessageSendOptions,
  language: Language,
): void {
  throwFirst(
    [...recipientProblems(recipients), ...contentProblems(content), ...optionProblems(options)],
    language,
  );
}
