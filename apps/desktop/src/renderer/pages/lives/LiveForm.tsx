// Create or modify a live. WeCom's limits are checked as the user types; the services' error (if any)
// shows above the buttons and the typed values stay. Writes are disabled offline, with the reason.
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Divider, Flex, Form, Input, InputNumber, Select, Space, Tooltip, Typography } from 'antd';
import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../shared/contract.ts';
import type { Live, ServiceError } from '../../../shared/models.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { toServiceError } from '../../errors.ts';
import { formatUnixDateTime, liveTypeLabel } from '../../format.ts';
import { findDuplicate } from './liveFormGuards.ts';
import { preventEnterSubmit } from '../../components/preventEnterSubmit.ts';
import { useOnlineAction } from '../../hooks/useOnlineAction.ts';
import { useServiceFetch } from '../../hooks/useServiceQuery.ts';
import { useSingleFlight } from '../../hooks/useSingleFlight.ts';
import { now as clockNow } from '@wld/clock';
import { AudiencePicker } from './AudiencePicker.tsx';
import { ActivityFields, emptyActivity, toActivityInput } from './ActivityFields.tsx';
import type { ActivityFormValues } from './ActivityFields.tsx';
import {
  descriptionRule,
  durationRule,
  measureDescription,
  measureTheme,
  nextStartAfter,
  startRule,
  themeRule,
} from './liveFormRules.ts';
import type { RuleError, TextMeasure } from './liveFormRules.ts';
import { DEFAULT_REMIND_SECONDS, REMIND_AS_IN_WECOM, remindChoices, remindForNewLive, remindLabel } from './remind.ts';

export interface LiveFormValues {
  anchorUserid: string | null;
  theme: string;
  start: Dayjs | null;
  durationMinutes: number | null;
  type: Live['type'];
  description: string;
  /** Seconds before the start; REMIND_AS_IN_WECOM keeps WeCom's setting (not known here). */
  remindTime: number;
  audience: { departmentIds: number[]; userids: string[]; tagIds: number[] };
  /** Activity lives (type 4) only, at creation. */
  activity: ActivityFormValues;
}

export type LiveFormResult =
  | { kind: 'created'; output: MethodOutput<'lives.create'>; startMs: number }
  | { kind: 'modified'; output: MethodOutput<'lives.modify'> };

export interface LiveFormProps {
  /** The live being modified; absent when creating. */
  live?: Live;
  initialValues?: Partial<LiveFormValues>;
  /** Names of users already in the form (anchor, audience) so the pickers show names, not ids. */
  knownUserLabels?: Record<string, string>;
  onDone: (result: LiveFormResult) => void;
  onCancel: () => void;
  /** Lets the drawer ask before discarding typed values. */
  onDirtyChange?: (dirty: boolean) => void;
}

const TYPES: Live['type'][] = [0, 1, 2, 3, 4];

export function emptyLiveFormValues(nowMs: number = clockNow(), startMs: number = nextStartAfter(nowMs)): LiveFormValues {
  return {
    anchorUserid: null,
    theme: '',
    start: dayjs(startMs),
    durationMinutes: 60,
    type: 0,
    description: '',
    remindTime: DEFAULT_REMIND_SECONDS,
    audience: { departmentIds: [], userids: [], tagIds: [] },
    activity: emptyActivity(),
  };
}

export function liveToFormValues(live: Live, audience: LiveFormValues['audience'] | null): LiveFormValues {
  return {
    anchorUserid: live.anchorUserid,
    theme: live.theme,
    start: dayjs(live.livingStart * 1000),
    durationMinutes: Math.round(live.livingDuration / 60),
    type: live.type,
    description: live.description,
    remindTime: live.remindTime ?? REMIND_AS_IN_WECOM,
    audience: audience ?? { departmentIds: [], userids: [], tagIds: [] },
    activity: emptyActivity(),
  };
}

const audienceOrNull = (a: LiveFormValues['audience']) =>
  a.departmentIds.length + a.userids.length + a.tagIds.length === 0 ? null : a;

/** The fields a create and a modify both send, in WeCom's units (seconds). */
function liveFields(v: LiveFormValues) {
  return {
    theme: v.theme.trim(),
    livingStart: v.start ? v.start.unix() : 0,
    livingDuration: (v.durationMinutes ?? 0) * 60,
    type: v.type,
    description: v.description,
    audience: audienceOrNull(v.audience),
  };
}

export function toCreateInput(v: LiveFormValues): MethodInput<'lives.create'> {
  const fields = liveFields(v);
  return {
    anchorUserid: v.anchorUserid ?? '',
    ...fields,
    // a new live has no WeCom setting to keep (a copy's form already shows the default instead)
    remindTime: remindForNewLive(v.remindTime),
    // only an activity live has an activity page; fields picked before switching type are dropped
    activity: v.type === 4 ? toActivityInput(v.activity) : null,
  };
}

export function toModifyInput(livingid: string, v: LiveFormValues): MethodInput<'lives.modify'> {
  // a reminder not known here is left out, so WeCom keeps its own
  return { livingid, ...liveFields(v), ...(v.remindTime === REMIND_AS_IN_WECOM ? {} : { remindTime: v.remindTime }) };
}

function TextCounter({ m, testId }: { m: TextMeasure; testId: string }) {
  const { t } = useTranslation('lives');
  return (
    <Typography.Text type={m.over ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid={testId} aria-live="polite">
      {t('form.counter', { chars: m.chars, maxChars: m.maxChars, bytes: m.bytes, maxBytes: m.maxBytes })}
    </Typography.Text>
  );
}

// The watchers live in small components, so a keystroke re-renders the counter, not the whole form.
function WatchedCounter({ field, measure, testId }: { field: 'theme' | 'description'; measure: (text: string) => TextMeasure; testId: string }) {
  const form = Form.useFormInstance<LiveFormValues>();
  const text: string = Form.useWatch(field, form) ?? '';
  return <TextCounter m={measure(text)} testId={testId} />;
}

/** The activity page, shown when the type is 活动直播 (at creation; WeCom cannot change it later). */
function ActivitySection({ editing }: { editing: boolean }) {
  const { t } = useTranslation('lives');
  const form = Form.useFormInstance<LiveFormValues>();
  const type = Form.useWatch('type', form);
  if (type !== 4) return null;
  return (
    <>
      <Divider titlePlacement="start" plain style={{ margin: '8px 0 12px' }}>
        {t('form.activity.title')}
      </Divider>
      {editing ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="activity-only-at-create">
          {t('form.activity.onlyAtCreate')}
        </Typography.Paragraph>
      ) : (
        <ActivityFields />
      )}
    </>
  );
}

/** Creating asks afterwards, like a change: the exact invitation, who gets it, the calendar option. */
function NotifyHint() {
  const { t } = useTranslation('lives');
  const form = Form.useFormInstance<LiveFormValues>();
  const audience = Form.useWatch('audience', form);
  const hasAudience =
    (audience?.departmentIds?.length ?? 0) + (audience?.userids?.length ?? 0) + (audience?.tagIds?.length ?? 0) > 0;
  if (!hasAudience) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="live-notify-hint">
      {t('form.notifyAfterCreate')}
    </Typography.Paragraph>
  );
}

export function LiveForm({ live, initialValues, knownUserLabels, onDone, onCancel, onDirtyChange }: LiveFormProps) {
  const { t } = useTranslation('lives');
  const { t: tc } = useTranslation('common');
  const [form] = Form.useForm<LiveFormValues>();
  const online = useOnlineAction();
  const read = useServiceFetch();
  const submitting = useSingleFlight();
  const { modal } = App.useApp();
  const [error, setError] = useState<ServiceError | null>(null);
  const editing = live !== undefined;
  const locked = editing && live.status !== 0;
  // the live's own reminder stays among the choices (another value, or WeCom's not known here)
  const initialRemind = initialValues?.remindTime;


  const check = <V,>(rule: (v: V) => RuleError | null): FormRule => ({
    validator: (_rule, value: V) => {
      const e = rule(value);
      return e ? Promise.reject(new Error(t(e.key, e.values))) : Promise.resolve();
    },
  });

  const confirmDuplicate = (duplicate: Live) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('form.duplicateTitle'),
        content: t('form.duplicateBody', { theme: duplicate.theme, start: formatUnixDateTime(duplicate.livingStart) }),
        okText: t('form.duplicateOk'),
        cancelText: tc('actions.cancel'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const submit = (values: LiveFormValues) =>
    submitting.run(async () => {
      setError(null);
      try {
        if (editing) {
          onDone({ kind: 'modified', output: await api.call('lives.modify', toModifyInput(live.livingid, values)) });
          return;
        }
        const input = toCreateInput(values);
        const duplicate = await findDuplicate(input, read);
        if (duplicate && !(await confirmDuplicate(duplicate))) return;
        onDone({ kind: 'created', output: await api.call('lives.create', input), startMs: input.livingStart * 1000 });
      } catch (e) {
        setError(toServiceError(e));
      }
    });

  const submitDisabled = online.disabled || locked;
  const submitReason = locked ? t('form.onlyReserved') : online.disabled ? online.reason : null;

  return (
    <Form<LiveFormValues>
      form={form}
      layout="vertical"
      requiredMark
      initialValues={{ ...emptyLiveFormValues(), ...initialValues }}
      onFinish={(values) => void submit(values)}
      onKeyDown={preventEnterSubmit}
      onValuesChange={() => onDirtyChange?.(form.isFieldsTouched())}
      disabled={submitting.pending}
      data-testid="live-form"
      aria-label={editing ? t('form.editTitle') : t('form.createTitle')}
    >
      {locked ? <Alert type="warning" showIcon title={t('form.onlyReserved')} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        name="anchorUserid"
        label={t('form.anchor')}
        rules={[{ required: true, message: t('form.anchorRequired') }]}
        tooltip={editing ? t('actions.editOnlyReserved') : undefined}
      >
        <UserSelect
          placeholder={t('form.anchorPlaceholder')}
          knownLabels={knownUserLabels}
          disabled={editing}
          data-testid="live-anchor"
          aria-label={t('form.anchor')}
        />
      </Form.Item>
      <Form.Item
        name="theme"
        label={t('form.theme')}
        required
        rules={[check(themeRule)]}
        extra={<WatchedCounter field="theme" measure={measureTheme} testId="theme-counter" />}
      >
        <Input placeholder={t('form.themePlaceholder')} data-testid="live-theme" autoFocus={!editing} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item
          name="start"
          label={t('form.start')}
          required
          rules={[check((v: Dayjs | null) => startRule(v ? v.valueOf() : null))]}
          style={{ flex: '1 1 220px' }}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isBefore(dayjs(clockNow()).startOf('day'))}
            style={{ width: '100%' }}
            data-testid="live-start"
          />
        </Form.Item>
        <Form.Item
          name="durationMinutes"
          label={t('form.duration')}
          required
          rules={[check(durationRule)]}
          style={{ flex: '0 1 160px' }}
        >
          {/* no min/max: the input would clamp what was typed on blur; the duration rule says the range */}
          <InputNumber precision={0} style={{ width: '100%' }} data-testid="live-duration" />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="type" label={t('form.type')} style={{ flex: '1 1 200px' }}>
          <Select options={TYPES.map((type) => ({ value: type, label: liveTypeLabel(type) }))} data-testid="live-type" />
        </Form.Item>
        <Form.Item name="remindTime" label={t('form.remind')} style={{ flex: '1 1 200px' }}>
          <Select
            data-testid="live-remind"
            options={remindChoices(initialRemind).map((seconds) => ({ value: seconds, label: remindLabel(seconds, t) }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item
        name="description"
        label={t('form.description')}
        rules={[check(descriptionRule)]}
        extra={<WatchedCounter field="description" measure={measureDescription} testId="description-counter" />}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="live-description" />
      </Form.Item>

      <ActivitySection editing={editing} />
      <Divider titlePlacement="start" plain style={{ margin: '8px 0 12px' }}>
        {t('form.audience')}
      </Divider>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -4 }}>
        {t('form.audienceHint')}
      </Typography.Paragraph>
      <AudiencePicker knownUserLabels={knownUserLabels} />
      {editing ? null : <NotifyHint />}
      {error ? <ErrorAlert error={error} compact className="live-form-error" /> : null}
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Space>
          <Button onClick={onCancel} disabled={false} data-testid="live-cancel-edit">
            {tc('actions.cancel')}
          </Button>
          <Tooltip title={submitReason}>
            <Button
              type="primary"
              htmlType="submit"
              loading={submitting.pending}
              disabled={submitDisabled}
              data-testid="live-submit"
              aria-description={submitReason ?? undefined}
            >
              {editing ? t('form.submitSave') : t('form.submitCreate')}
            </Button>
          </Tooltip>
        </Space>
      </Flex>
    </Form>
  );
}

export default LiveForm;
