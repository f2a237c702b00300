// The messages the app sends about a live: the invitation textcard and the absentee reminder.
import { MESSAGE_LIMITS, fitUtf8Bytes, utf8Bytes } from '@wld/wecom-core/rules';
import type { MessageBody } from '../../shared/models.ts';
import { t, tf, type Language } from '../i18n.ts';
import { formatTimeSpanForPeople } from '../../shared/dates.ts';

/** Textcards need a link; WeCom opens lives from its own client, so the card points at WeCom. */
export const LIVE_CARD_URL = 'https://work.weixin.qq.com/';

export interface LiveFacts {
  theme: string;
  livingStart: number;
  livingDuration: number;
  description: string;
}


export const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** e.g. "2024/6/1 周六 14:00–15:00 (UTC+08:00)" in the user's language and this machine's time zone. */
export function formatLiveTime(live: Pick<LiveFacts, 'livingStart' | 'livingDuration'>, language: Language): string {
  return formatTimeSpanForPeople(live.livingStart * 1000, (live.livingStart + live.livingDuration) * 1000, language);
}

/** "直播邀请：主题" / "Live invitation: theme". */
export function titled(language: Language, label: string, theme: string): string {
  return language === 'zh-CN' ? `${label}：${theme}` : `${label}: ${theme}`;
}

export function invitationCard(live: LiveFacts, language: Language): Extract<MessageBody, { msgtype: 'textcard' }> {
  const head = `<div class="gray">${escapeHtml(formatLiveTime(live, language))}</div><div class="normal">${escapeHtml(live.theme)}</div>`;
  const extra = live.description ? `<div class="highlight">${escapeHtml(live.description)}</div>` : '';
  return {
    msgtype: 'textcard',
    title: fitUtf8Bytes(titled(language, t(language, 'invite.title'), live.theme), MESSAGE_LIMITS.textcardTitleBytes),
    description: utf8Bytes(head + extra) <= MESSAGE_LIMITS.textcardDescriptionBytes ? head + extra : fitUtf8Bytes(head, MESSAGE_LIMITS.textcardDescriptionBytes),
    url: LIVE_CARD_URL,
    btntxt: t(language, 'invite.button'),
  };
}

export function absenteeReminder(live: LiveFacts, language: Language, message: string | undefined): Extract<MessageBody, { msgtype: 'text' }> {
  const about = tf(language, 'remind.about', { theme: live.theme, time: formatLiveTime(live, language) });
  return { msgtype: 'text', content: message ? `${message}\n${about}` : tf(language, 'remind.default', { about }) };
}
