// The sign-up / sign-in template card of a live (button_interaction), and reading a click on it.
// Button keys are `signup:<livingid>` and `signin:<livingid>`; the card's task_id is unique per push.
import type { BotTemplateCard } from '@wld/wecom-core';
import type { Language } from '../i18n.ts';
import { formatTime } from './answers.ts';
import type { TraineeLive } from './trainee-data.ts';

export type CardAction = 'signup' | 'signin';

export function liveCard(
  live: TraineeLive,
  taskId: string,
  language: Language,
  done?: CardAction,
): BotTemplateCard {
  const en = language === 'en-US';
  const buttons = done
    ? [
        {
          text: done === 'signup' ? (en ? 'Signed up' : '已报名') : en ? 'Signed in' : '已签到',
          key: `done:${live.livingid}`,
          style: 2,
        },
      ]
    : [
        { text: en ? 'Sign up' : '报名', key: `signup:${live.livingid}`, style: 1 },
        { text: en ? 'Sign in' : '签到', key: `signin:${live.livingid}`, style: 2 },
      ];
  return {
    card_type: 'button_interaction',
    source: { desc: en ? 'Training' : '培训通知' },
    main_title: { title: live.theme.slice(0, 26), desc: formatTime(live.livingStart) },
    sub_title_text: en ? 'Sign up before it starts; sign in when it begins.' : '开播前报名，开播后签到。',
    task_id: taskId,
    button_list: buttons,
  };
}

export function parseCardKey(key: string | null): { action: CardAction; livingid: string } | null {
  const match = /^(signup|signin):(.+)$/.exec(key ?? '');
  return match ? { action: match[1] as CardAction, livingid: match[2]! } : null;
}
