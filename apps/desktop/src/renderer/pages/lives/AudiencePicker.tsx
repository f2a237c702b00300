// The audience of a live: departments (tree), members and tags, each capped at WeCom's limits.
import { Form, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { DepartmentPicker } from '../../components/DepartmentPicker.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { LIVING_LIMITS } from '@wld/wecom-core/rules';

const capRule = (max: number, what: string, message: (max: number, what: string) => string) => ({
  validator: (_: unknown, value: unknown[] | undefined) =>
    (value?.length ?? 0) > max ? Promise.reject(new Error(message(max, what))) : Promise.resolve(),
});

export function AudiencePicker({ knownUserLabels }: { knownUserLabels?: Record<string, string> }) {
  const { t } = useTranslation('lives');
  const departments = useServiceQuery('org.departments', {}, { topics: ['org'] });
  const tags = useServiceQuery('tags.list', {}, { topics: ['tags'] });
  const tooMany = (max: number, what: string) => t('form.audienceTooMany', { max, what });

  return (
    <div data-testid="audience-picker">
      <Form.Item
        name={['audience', 'departmentIds']}
        label={t('form.departments')}
        rules={[capRule(LIVING_LIMITS.departmentIds, t('form.departments'), tooMany)]}
      >
        <DepartmentPicker
          departments={departments.data?.departments ?? []}
          treeCheckable
          showCheckedStrategy={TreeSelect.SHOW_PARENT}
          placeholder={t('form.departmentsPlaceholder')}
          loading={departments.loading}
          allowClear
          data-testid="audience-departments"
        />
      </Form.Item>
      <Form.Item
        name={['audience', 'userids']}
        label={t('form.users')}
        rules={[capRule(LIVING_LIMITS.userids, t('form.users'), tooMany)]}
      >
        <UserSelect
          multiple
          placeholder={t('form.usersPlaceholder')}
          knownLabels={knownUserLabels}
          maxCount={LIVING_LIMITS.userids}
          allowClear
          data-testid="audience-users"
        />
      </Form.Item>
      <Form.Item
        name={['audience', 'tagIds']}
        label={t('form.tags')}
        rules={[capRule(LIVING_LIMITS.tagIds, t('form.tags'), tooMany)]}
      >
        <Select
          mode="multiple"
          placeholder={t('form.tagsPlaceholder')}
          loading={tags.loading}
          showSearch={{ optionFilterProp: 'label' }}
          maxCount={LIVING_LIMITS.tagIds}
          allowClear
          options={(tags.data?.tags ?? []).map((tag) => ({ value: tag.tagid, label: `${tag.tagname} (${tag.memberCount})` }))}
          data-testid="audience-tags"
        />
      </Form.Item>
    </div>
  );
}
