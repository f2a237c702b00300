// Who a message goes to, as a person reads it: the kinds picked with their counts ("1 department",
// "3 users, 2 tags"), leaving out the kinds with none, and the names behind them for a tooltip.
import type { TFunction } from 'i18next';
import type { Department, Recipients, Tag } from '../../../shared/models.ts';

export function recipientsText(t: TFunction<'messages'>, recipients: Recipients): string {
  const parts = [
    recipients.userids.length > 0 ? t('recipientKinds.users', { count: recipients.userids.length }) : null,
    recipients.departmentIds.length > 0 ? t('recipientKinds.departments', { count: recipients.departmentIds.length }) : null,
    recipients.tagIds.length > 0 ? t('recipientKinds.tags', { count: recipients.tagIds.length }) : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(t('common:listSeparator')) : t('recipientKinds.none');
}

/** One line per kind: the departments and tags by name (their id when no longer known), the users by id. */
export function recipientsNames(
  t: TFunction<'messages'>,
  recipients: Recipients,
  departments: readonly Department[],
  tags: readonly Tag[],
): string {
  const separator = t('common:listSeparator');
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  const tagName = new Map(tags.map((tag) => [tag.tagid, tag.tagname]));
  return [
    recipients.userids.length > 0 ? `${t('recipients.users')}: ${recipients.userids.join(separator)}` : null,
    recipients.departmentIds.length > 0
      ? `${t('recipients.departments')}: ${recipients.departmentIds.map((id) => departmentName.get(id) ?? `#${id}`).join(separator)}`
      : null,
    recipients.tagIds.length > 0 ? `${t('recipients.tags')}: ${recipients.tagIds.map((id) => tagName.get(id) ?? `#${id}`).join(separator)}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}
