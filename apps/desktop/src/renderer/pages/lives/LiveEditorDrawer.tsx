// The create/modify drawer: loads the live (and its audience) when modifying, asks before throwing away
// typed values, reports the result and then asks whether to notify the audience (created / changed).
import { useRef } from 'react';
import dayjs from 'dayjs';
import { App, Drawer, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLivesStore } from '../../stores/lives.ts';
import { useNoticeStore } from '../../stores/notices.ts';
import { LiveForm, liveToFormValues } from './LiveForm.tsx';
import { remindForNewLive } from './remind.ts';
import type { LiveFormResult } from './LiveForm.tsx';
import type { Audience, Live } from '../../../shared/models.ts';
import { plannedSchedule } from '../../../shared/live-plan.ts';
import { now } from '@wld/clock';

/** A copy's form: the same live as planned, a week later (or a week from now when that is already past). */
function copyOf(live: Live, audience: Audience | null) {
  const planned = plannedSchedule(live);
  const values = liveToFormValues({ ...live, livingStart: planned.start, livingDuration: planned.duration }, audience);
  let start = values.start?.add(7, 'day') ?? null;
  while (start && start.valueOf() < now()) start = start.add(7, 'day');
  // a new live has no WeCom setting to keep: the copy shows the reminder it will be created with
  return { ...values, start, remindTime: remindForNewLive(values.remindTime) };
}

/** The anchor's name for the picker (an edit or a copy starts with one), so it shows a name, not a userid. */
const anchorLabel = (live: Live | undefined) => (live ? { [live.anchorUserid]: live.anchorName ?? live.anchorUserid } : undefined);

export function LiveEditorDrawer({ onSaved }: { onSaved?: (livingid: string, kind: LiveFormResult['kind'], startMs: number | null) => void }) {
  const { t } = useTranslation('lives');
  const { modal, message } = App.useApp();
  const editor = useLivesStore((s) => s.editor);
  const close = useLivesStore((s) => s.closeEditor);
  const dirty = useRef(false);
  const livingid = editor?.livingid ?? null;
  // Always re-read when the drawer opens: editing starts from the live as the cache has it now
  // (a save updates that row), never from an answer kept from an earlier opening.
  const existing = useServiceQuery('lives.get', { livingid: livingid ?? '-' }, { enabled: livingid !== null, keepPrevious: false });
  const copyFrom = livingid === null ? (editor?.copyFrom ?? null) : null;
  const original = useServiceQuery('lives.get', { livingid: copyFrom ?? '-' }, { enabled: copyFrom !== null, keepPrevious: false });

  const requestClose = () => {
    if (!dirty.current) {
      close();
      return;
    }
    modal.confirm({
      title: t('confirm.discardTitle'),
      content: t('confirm.discardBody'),
      okText: t('confirm.discardOk'),
      cancelText: t('confirm.continueEditing'),
      okButtonProps: { danger: true },
      onOk: () => {
        dirty.current = false;
        close();
      },
    });
  };

  const onDone = (result: LiveFormResult) => {
    dirty.current = false;
    close();
    if (result.kind === 'created') {
      void message.success(t('result.created'));
      onSaved?.(result.output.livingid, 'created', result.startMs);
      // asked like after a change: the exact invitation, how many it reaches, their calendars
      useNoticeStore.getState().ask(result.output.livingid, 'created');
    } else {
      void message.success(t('result.modified'));
      onSaved?.(result.output.live.livingid, 'modified', result.output.live.livingStart * 1000);
      // the audience is asked about, never told silently nor left uninformed
      useNoticeStore.getState().ask(result.output.live.livingid, 'changed');
    }
  };

  const live = livingid !== null ? existing.data?.live : undefined;
  const loadingExisting = (livingid !== null && !existing.data && !existing.error) || (copyFrom !== null && !original.data && !original.error);
  const copied = copyFrom !== null && original.data ? copyOf(original.data.live, original.data.audience) : undefined;

  return (
    <Drawer
      open={editor !== null}
      onClose={requestClose}
      title={livingid === null ? t(copyFrom ? 'form.copyTitle' : 'form.createTitle') : t('form.editTitle')}
      size={560}
      destroyOnHidden
      mask={{ closable: false }}
      keyboard
    >
      {existing.error && livingid !== null ? <ErrorAlert error={existing.error} onRetry={existing.refetch} /> : null}
      {original.error && copyFrom !== null ? <ErrorAlert error={original.error} onRetry={original.refetch} /> : null}
      {loadingExisting ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {editor !== null && !loadingExisting && !(livingid !== null && !live) && !(copyFrom !== null && !copied) ? (
        <LiveForm
          key={livingid ?? copyFrom ?? 'new'}
          live={live}
          initialValues={
            live
              ? liveToFormValues(live, existing.data?.audience ?? null)
              : copied
                ? copied
                : editor.startMs !== undefined
                ? { start: dayjs(editor.startMs) }
                : undefined
          }
          knownUserLabels={anchorLabel(live ?? (copied ? original.data?.live : undefined))}
          onDone={onDone}
          onCancel={requestClose}
          onDirtyChange={(d) => (dirty.current = d)}
        />
      ) : null}
    </Drawer>
  );
}
