// Edits required learners: departments (with or without sub-departments), tags, people, an imported
// list (matched against the organisation, with what did not match), and the completion threshold.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, InputNumber, Modal, Select, Space, TreeSelect, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportMatch, RequiredLearners } from '../../../shared/training.ts';
import { DEFAULT_COMPLETION_THRESHOLD } from '../../../shared/training.ts';
import { api } from '../../api/client.ts';
import { DepartmentPicker } from '../../components/DepartmentPicker.tsx';
import { UserSelect, userLabel } from '../../components/UserSelect.tsx';
import { errorText } from '../../errors.ts';
import { formatBytes, formatPercent } from '../../format.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { ImportRefused, MAX_LIST_BYTES, readLearnerList, type ImportRefusal } from './importList.ts';

export interface RequiredLearnersValue {
  required: RequiredLearners | null;
  /** a share of the length, or null for the default */
  threshold: number | null;
}

interface FormValues {
  departmentIds: number[];
  withSub: boolean;
  tagIds: number[];
  userids: string[];
  thresholdPercent: number | null;
}

export function RequiredLearnersEditor(props: {
  open: boolean;
  initial: RequiredLearnersValue;
  onSave: (value: RequiredLearnersValue) => Promise<void>;
  onClose: () => void;
  /** Names of the people already required ("王芳 (wangfang)"), so their chips show names, not userids. */
  knownLabels?: Record<string, string>;
}) {
  const { open, initial, onSave, onClose, knownLabels } = props;
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [match, setMatch] = useState<ImportMatch | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [importedLabels, setImportedLabels] = useState<Record<string, string>>({});
  const departments = useServiceQuery('org.departments', {}, { topics: ['org'], enabled: open });
  const tags = useServiceQuery('tags.list', {}, { topics: ['tags'], enabled: open });

  const initialValues: FormValues = {
    departmentIds: initial.required?.departments.map((d) => d.id) ?? [],
    withSub: initial.required ? initial.required.departments.every((d) => d.withSub) : true,
    tagIds: initial.required?.tagIds ?? [],
    userids: initial.required?.userids ?? [],
    thresholdPercent: initial.threshold === null ? null : Math.round(initial.threshold * 1000) / 10,
  };

  const refusalText = (refusal: ImportRefusal): string => {
    switch (refusal.reason) {
      case 'type':
        return t('editor.refused.type', { name: refusal.name });
      case 'size':
        return t('editor.refused.size', { size: formatBytes(refusal.bytes), max: formatBytes(MAX_LIST_BYTES) });
      case 'rows':
        return t('editor.refused.rows', { people: refusal.count, max: refusal.max });
      case 'cell':
        return t('editor.refused.cell', { row: refusal.row, chars: refusal.chars });
    }
  };

  const importFile = async (file: File) => {
    setImportError(null);
    setMatch(null);
    try {
      const entries = await readLearnerList(file);
      const result = await api.call('training.matchLearners', { entries });
      const current: string[] = form.getFieldValue('userids') ?? [];
      form.setFieldValue('userids', [...new Set([...current, ...result.matched.map((m) => m.userid)])]);
      setImportedLabels((known) => ({ ...known, ...Object.fromEntries(result.matched.map((m) => [m.userid, userLabel({ ...m, position: '' })])) }));
      setMatch(result);
    } catch (e) {
      setImportError(e instanceof ImportRefused ? refusalText(e.refusal) : `${t('editor.importFailed')}: ${errorText(e)}`);
    }
    return false;
  };

  const save = async (values: FormValues) => {
    setSaving(true);
    try {
      const required: RequiredLearners = {
        departments: values.departmentIds.map((id) => ({ id, withSub: values.withSub })),
        tagIds: values.tagIds,
        userids: values.userids,
      };
      const empty = required.departments.length + required.tagIds.length + required.userids.length === 0;
      await onSave({ required: empty ? null : required, threshold: values.thresholdPercent === null ? null : values.thresholdPercent / 100 });
      void message.success(t('editor.saved'));
      onClose();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('editor.title')}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      okText={t('editor.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'required-save' } as never}
      onOk={() => form.submit()}
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void save(v)} data-testid="required-editor">
        <Typography.Paragraph type="secondary" data-testid="required-active-only">
          {t('learners.activeOnly')}
        </Typography.Paragraph>
        <Form.Item name="departmentIds" label={t('editor.departments')} style={{ marginBottom: 4 }}>
          <DepartmentPicker
            departments={departments.data?.departments ?? []}
            treeCheckable
            showCheckedStrategy={TreeSelect.SHOW_PARENT}
            placeholder={t('editor.departmentsPlaceholder')}
            allowClear
            data-testid="required-departments"
          />
        </Form.Item>
        <Form.Item name="withSub" valuePropName="checked">
          <Checkbox data-testid="required-with-sub">{t('editor.withSub')}</Checkbox>
        </Form.Item>
        <Form.Item name="tagIds" label={t('editor.tags')}>
          <Select
            mode="multiple"
            placeholder={t('editor.tagsPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            options={(tags.data?.tags ?? []).map((tag) => ({ value: tag.tagid, label: `${tag.tagname} (${tag.memberCount})` }))}
            data-testid="required-tags"
          />
        </Form.Item>
        <Form.Item name="userids" label={t('editor.users')}>
          <UserSelect
            multiple
            placeholder={t('editor.usersPlaceholder')}
            allowClear
            knownLabels={{ ...knownLabels, ...importedLabels }}
            data-testid="required-users"
          />
        </Form.Item>
        <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
          <Upload accept=".xlsx,.csv,.txt" showUploadList={false} beforeUpload={(file) => importFile(file)}>
            <Button icon={<UploadOutlined />} data-testid="required-import">
              {t('editor.import')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('editor.importHint')}</Typography.Text>
          {importError ? <Alert type="error" showIcon title={importError} /> : null}
          {match ? <ImportReport match={match} /> : null}
        </Space>
        <Form.Item
          name="thresholdPercent"
          label={t('editor.threshold')}
          extra={t('editor.thresholdDefault', { percent: formatPercent(DEFAULT_COMPLETION_THRESHOLD, 0) })}
        >
          <InputNumber min={1} max={100} step={5} suffix="%" style={{ width: 140 }} data-testid="required-threshold" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Entries of a report list shown by name; a wrong column can leave thousands unmatched. */
const REPORT_SHOWN = 50;

function ImportReport({ match }: { match: ImportMatch }) {
  const { t } = useTranslation('training');
  const joined = (items: string[], separator: string) =>
    items.length > REPORT_SHOWN
      ? `${items.slice(0, REPORT_SHOWN).join(separator)}${t('editor.more', { count: items.length - REPORT_SHOWN })}`
      : items.join(separator);
  return (
    <Alert
      type={match.unmatched.length + match.ambiguous.length > 0 ? 'warning' : 'success'}
      showIcon
      data-testid="import-report"
      title={t('editor.importResult', { matched: match.matched.length })}
      description={
        match.unmatched.length + match.ambiguous.length > 0 ? (
          <>
            {match.unmatched.length > 0 ? (
              <div data-testid="import-unmatched">
                {t('editor.unmatched', { count: match.unmatched.length, list: joined(match.unmatched, t('common:listSeparator')) })}
              </div>
            ) : null}
            {match.ambiguous.length > 0 ? (
              <div data-testid="import-ambiguous">
                {t('editor.ambiguous', {
                  count: match.ambiguous.length,
                  list: joined(
                    match.ambiguous.map((a) => t('editor.ambiguousItem', { entry: a.entry, candidates: a.candidates.map((c) => `${c.userid} (${c.departmentPath})`).join(t('common:listSeparator')) })),
                    t('editor.groupSeparator'),
                  ),
                })}
              </div>
            ) : null}
          </>
        ) : null
      }
    />
  );
}
