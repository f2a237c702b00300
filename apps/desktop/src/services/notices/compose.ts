// The exact words of notices (textcards) and reminders (text), in the language the admin chose.
import { MESSAGE_LIMITS, fitUtf8Bytes, utf8Bytes } from '@wld/wecom-core/rules';
import type { MessageBody } from '../../shared/models.ts';
import type { NoticeKind, ReminderKind } from '../../shared/notice-models.ts';
import { escapeHtml, formatLiveTime, invitationCard, LIVE_CARD_URL, titled, type LiveFacts } from '../handlers/live-notices.ts';
import { t, tf, type Language } from '../i18n.ts';

type Textcard = Extract<MessageBody, { msgtype: 'textcard' }>;

function card(title: string, lines: Array<{ cls: 'gray' | 'normal' | 'highlight'; text: string }>, language: Language): Textcard {
  const html = lines.filter((l) => l.text !== '').map((l) => `<div class="${l.cls}">${escapeHtml(l.text)}</div>`);
  // drop trailing lines until the description fits WeCom's 512 bytes
  while (html.length > 1 && utf8Bytes(html.join('')) > MESSAGE_LIMITS.textcardDescriptionBytes) html.pop();
  return {
    msgtype: 'textcard',
    title: fitUtf8Bytes(title, MESSAGE_LIMITS.textcardTitleBytes),
    description: fitUtf8Bytes(html.join(''), MESSAGE_LIMITS.textcardDescriptionBytes),
    url: LIVE_CARD_URL,
    btntxt: t(language, 'invite.button'),
  };
}

/** The textcard telling the audience a live was created, changed or cancelled. */
export function noticeCard(kind: NoticeKind, live: LiveFacts, language: Language): Textcard {
  const time = formatLiveTime(live, language);
  switch (kind) {
    case 'created':
      return invitationCard(live, language);
    case 'changed':
      return card(
        titled(language, t(language, 'notice.changed.title'), live.theme),
        [
          { cls: 'gray', text: time },
          { cls: 'normal', text: live.theme },
          { cls: 'highlight', text: t(language, 'notice.changed.line') },
          { cls: 'normal', text: live.description },
        ],
        language,
      );
    case 'cancelled':
      return card(
        titled(language, t(language, 'notice.cancelled.title'), live.theme),
        [
          { cls: 'gray', text: tf(language, 'notice.cancelled.was', { time }) },
          { cls: 'normal', text: live.theme },
          { cls: 'highlight', text: t(language, 'notice.cancelled.line') },
        ],
        language,
      );
  }
}

/** "30 分钟" / "1 天" / "2 h": the largest whole unit. */
export function leadTime(seconds: number, language: Language): string {
  if (seconds >= 86_400 && seconds % 86_400 === 0) return tf(language, 'duration.days', { n: seconds / 86_400 });
  if (seconds >= 3600 && seconds % 3600 === 0) return tf(language, 'duration.hours', { n: seconds / 3600 });
  return tf(language, 'duration.minutes', { n: Math.round(seconds / 60) });
}

/** The text of a reminder: before the start (to the audience) or after the end (to absentees). */
export function reminderText(kind: ReminderKind, live: LiveFacts, offsetSeconds: number, note: string, language: Language): Extract<MessageBody, { msgtype: 'text' }> {
  const time = formatLiveTime(live, language);
  const content =
    kind === 'before-start'
      ? [tf(language, 'reminder.before', { theme: live.theme, time, left: leadTime(offsetSeconds, language) }), note].filter(Boolean).join('\n')
      : `${tf(language, 'reminder.after', { theme: live.theme, time })}\n${note || t(language, 'reminder.after.default')}`;
  return { msgtype: 'text', content: fitUtf8Bytes(content, MESSAGE_LIMITS.textBytes) };
}
