// Who a live's notices and reminders go to: the live's required learners from the training records
// (the live's own, else its series', else the audience picked when it was created here).
import type { Recipients } from '../../shared/models.ts';
import type { ServicesContext } from '../context.ts';

/** Userids required to attend the live. */
export function reminderAudience(ctx: ServicesContext, livingid: string): string[] {
  return ctx.cache().training.store.requiredLearners(livingid);
}

/** Required people who have not completed the live under its completion rule (replay included). */
export function absenteesOf(ctx: ServicesContext, livingid: string): string[] {
  const learners = ctx.cache().training.liveTraining(livingid)?.learners ?? [];
  return learners.filter((learner) => learner.status !== 'completed').map((learner) => learner.userid);
}

/** Recipients of a notice or a before-start reminder: everyone required, one userid each. */
export function audienceRecipients(ctx: ServicesContext, livingid: string): Recipients {
  return { userids: reminderAudience(ctx, livingid), departmentIds: [], tagIds: [] };
}
