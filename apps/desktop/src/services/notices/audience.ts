// Who a live's notices and reminders go to. `reminderAudience` is the one place that says who must
// attend a live; when the training store's requiredLearners(liveId) is available, switch it here.
import type { Recipients } from '../../shared/models.ts';
import type { ServicesContext } from '../context.ts';

/** Userids required to attend the live (today: the live's stored audience, expanded). */
export function reminderAudience(ctx: ServicesContext, livingid: string): string[] {
  return ctx.cache().audienceUserids(livingid);
}

/** Required people without a watch record (live or replay) for the live. */
export function absenteesOf(ctx: ServicesContext, livingid: string): string[] {
  const watched = new Set(ctx.cache().watcherUserids(livingid));
  return reminderAudience(ctx, livingid).filter((userid) => !watched.has(userid));
}

/** Recipients of a notice or a before-start reminder: everyone required, one userid each. */
export function audienceRecipients(ctx: ServicesContext, livingid: string): Recipients {
  return { userids: reminderAudience(ctx, livingid), departmentIds: [], tagIds: [] };
}
