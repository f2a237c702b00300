// An activity live's page (cover, share image, detail) as living/create's fields: only what was given.
import type { CreateLivingRequest } from '@wld/wecom-core';
import type { LiveActivity } from '../../shared/contract.ts';

type ActivityFields = Pick<CreateLivingRequest, 'activity_cover_mediaid' | 'activity_share_mediaid' | 'activity_detail'>;

export function activityFields(activity: LiveActivity | null): ActivityFields {
  if (!activity) return {};
  const hasDetail = activity.description.trim() !== '' || activity.imageMediaIds.length > 0;
  return {
    ...(activity.coverMediaId ? { activity_cover_mediaid: activity.coverMediaId } : {}),
    ...(activity.shareMediaId ? { activity_share_mediaid: activity.shareMediaId } : {}),
    ...(hasDetail ? { activity_detail: { description: activity.description, image_list: activity.imageMediaIds } } : {}),
  };
}
