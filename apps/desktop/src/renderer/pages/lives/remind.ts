// A live's reminder (seconds before the start when WeCom reminds subscribers) as the form and the
// live page show it. WeCom's get_living_info does not return the reminder, so a live this app did not
// create or change has none known here (null): the form then keeps WeCom's setting unless the
// person picks one, and a modify leaves remind_time out.
import { REMIND_CHOICES } from './liveFormRules.ts';

/** The form's value for "keep the reminder WeCom has" (a live whose reminder is not known here). */
export const REMIND_AS_IN_WECOM = -1;

/** The reminder of a new live, unless the person picks another. */
export const DEFAULT_REMIND_SECONDS = 15 * 60;

/** The reminder a new live is created with: a live's own, or the default where WeCom's is not known (a copy). */
export const remindForNewLive = (seconds: number): number => (seconds === REMIND_AS_IN_WECOM ? DEFAULT_REMIND_SECONDS : seconds);

type Translate = (key: string, values: { count: number }) => string;

/** `null`: not known here (set in WeCom). */
export function remindLabel(seconds: number | null, t: Translate): string {
  if (seconds === null || seconds === REMIND_AS_IN_WECOM) return t(seconds === null ? 'form.remindUnknown' : 'form.remindKeep', { count: 0 });
  if (seconds === 0) return t('form.remindNone', { count: 0 });
  if (seconds % 86_400 === 0) return t('form.remindDays', { count: seconds / 86_400 });
  if (seconds % 3600 === 0) return t('form.remindHours', { count: seconds / 3600 });
  return t('form.remindMinutes', { count: Math.round(seconds / 60) });
}

/** The choices the form offers: the usual ones, plus the live's own value when it is another (or not known). */
export function remindChoices(current: number | undefined): number[] {
  const choices: number[] = [...REMIND_CHOICES];
  if (current !== undefined && !choices.includes(current)) choices.unshift(current);
  return choices;
}
