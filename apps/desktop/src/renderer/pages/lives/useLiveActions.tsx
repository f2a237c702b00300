// Cancel a live and delete a replay, each behind a confirmation, with the result as a message.
import { App, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Live } from '../../../shared/models.ts';
import { api } from '../../api/client.ts';
import { toServiceError } from '../../errors.ts';
import { useNoticeStore } from '../../stores/notices.ts';

export function useLiveActions(onChanged?: () => void) {
  const { t } = useTranslation('lives');
  const { modal, message } = App.useApp();

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
      onChanged?.();
    } catch (e) {
      const err = toServiceError(e);
      modal.error({ title: err.message, content: err.details ? <Input.TextArea value={err.details} readOnly autoSize={{ maxRows: 6 }} /> : undefined });
    }
  };

  const cancel = (live: Pick<Live, 'livingid' | 'theme'>) =>
    modal.confirm({
      title: t('confirm.cancelTitle', { theme: live.theme }),
      content: t('confirm.cancelBody'),
      okText: t('confirm.cancelOk'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-cancel-live' },
      cancelText: t('confirm.keep'),
      onOk: () =>
        run(async () => {
          await api.call('lives.cancel', { livingid: live.livingid });
          useNoticeStore.getState().ask(live.livingid, 'cancelled');
        }, t('result.cancelled')),
    });

  const deleteReplay = (live: Pick<Live, 'livingid' | 'theme'>) =>
    modal.confirm({
      title: t('confirm.deleteReplayTitle', { theme: live.theme }),
      content: t('confirm.deleteReplayBody'),
      okText: t('confirm.deleteReplayOk'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-delete-replay' },
      cancelText: t('confirm.keep'),
      onOk: () => run(() => api.call('lives.deleteReplay', { livingid: live.livingid }), t('result.replayDeleted')),
    });

  return { cancel, deleteReplay };
}
