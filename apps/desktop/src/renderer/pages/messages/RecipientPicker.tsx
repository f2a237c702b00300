// Recipients picked from the cache: users (≤ 1000), departments (≤ 100) and tags (≤ 100), WeCom's
// message/send caps, enforced while picking (the pickers stop at the cap and say so).
import { Flex, Form, Select, Typography } from 'antd';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department, Tag } from '../../../shared/models.ts';
import { RECIPIENT_CAPS, useMessagesStore } from '../../stores/messages.ts';
import type { RecipientKind } from '../../stores/messages.ts';
import { DepartmentPicker } from '../../components/DepartmentPicker.tsx';
import { MemberSelect } from './MemberSelect.tsx';

export interface RecipientPickerProps {
  departments: readonly Department[];
  tags: readonly Tag[];
  /** Show "choose at least one recipient" (after a send attempt). */
  showRequired: boolean;
}

function CapCount({ kind, count }: { kind: RecipientKind; count: number }) {
  const { t } = useTranslation('messages');
  const cap = RECIPIENT_CAPS[kind];
  const full = count >= cap;
  return (
    <Typography.Text type={full ? 'warning' : 'secondary'} style={{ fontSize: 12 }} data-testid={`cap-${kind}`} aria-live="polite">
      {t('recipients.count', { count, cap })}
      {full ? ` · ${t('recipients.capReached')}` : ''}
    </Typography.Text>
  );
}

export function RecipientPicker({ departments, tags, showRequired }: RecipientPickerProps) {
  const { t } = useTranslation('messages');
  const { message } = App.useApp();
  const recipients = useMessagesStore((s) => s.recipients);
  const setRecipients = useMessagesStore((s) => s.setRecipients);
  const empty = recipients.userids.length + recipients.departmentIds.length + recipients.tagIds.length === 0;

  const pick = (kind: RecipientKind, ids: (string | number)[]) => {
    const { dropped } = setRecipients(kind, ids);
    if (dropped > 0) void message.warning(t('recipients.capDropped', { dropped, cap: RECIPIENT_CAPS[kind] }));
  };

  return (
    <Form layout="vertical" component="div" data-testid="recipient-picker">
      <Form.Item label={t('recipients.users')} extra={<CapCount kind="userids" count={recipients.userids.length} />} style={{ marginBottom: 12 }}>
        <MemberSelect
          value={recipients.userids}
          onChange={(ids) => pick('userids', ids)}
          maxCount={RECIPIENT_CAPS.userids}
          aria-label={t('recipients.users')}
          data-testid="recipients-users"
        />
      </Form.Item>
      <Form.Item label={t('recipients.departments')} extra={<CapCount kind="departmentIds" count={recipients.departmentIds.length} />} style={{ marginBottom: 12 }}>
        <DepartmentPicker<number[]>
          departments={departments}
          multiple
          value={recipients.departmentIds}
          onChange={(ids) => pick('departmentIds', ids)}
          maxCount={RECIPIENT_CAPS.departmentIds}
          placeholder={t('recipients.departmentsPlaceholder')}
          aria-label={t('recipients.departments')}
          style={{ width: '100%' }}
          data-testid="recipients-departments"
        />
      </Form.Item>
      <Form.Item
        label={t('recipients.tags')}
        extra={<CapCount kind="tagIds" count={recipients.tagIds.length} />}
        style={{ marginBottom: 12 }}
        validateStatus={showRequired && empty ? 'error' : undefined}
        help={showRequired && empty ? t('issues.recipientsRequired') : undefined}
      >
        <Select<number[]>
          mode="multiple"
          value={recipients.tagIds}
          onChange={(ids) => pick('tagIds', ids)}
          options={tags.map((tag) => ({ value: tag.tagid, label: `${tag.tagname} (${tag.memberCount})` }))}
          showSearch={{ optionFilterProp: 'label' }}
          maxCount={RECIPIENT_CAPS.tagIds}
          placeholder={t('recipients.tagsPlaceholder')}
          maxTagCount="responsive"
          aria-label={t('recipients.tags')}
          data-testid="recipients-tags"
        />
      </Form.Item>
      <Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('recipients.hint')}
        </Typography.Text>
      </Flex>
    </Form>
  );
}
