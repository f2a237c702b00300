// Edit / cancel / delete replay for one live, each disabled with its reason (offline, or wrong state).
import type { ReactNode } from 'react';
import { Button, Space } from 'antd';
import { DeleteOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Live } from '../../../shared/models.ts';
import { useOnlineAction } from '../../hooks/useOnlineAction.ts';
import { canCancel, canDeleteReplay, canModify, useLivesStore } from '../../stores/lives.ts';
import { useLiveActions } from './useLiveActions.tsx';

function ActionButton(props: {
  label: string;
  icon: ReactNode;
  reason: string | null;
  danger?: boolean;
  testId: string;
  onClick: () => void;
  showLabel?: boolean;
}) {
  const button = (
    <Button
      size="small"
      type={props.showLabel ? 'default' : 'text'}
      danger={props.danger}
      icon={props.icon}
      disabled={props.reason !== null}
      aria-label={props.label}
      aria-description={props.reason ?? undefined}
      data-testid={props.testId}
      onClick={(e) => {
        e.stopPropagation();
        props.onClick();
      }}
    >
      {props.showLabel ? props.label : null}
    </Button>
  );
  // the browser's own tooltip: an antd Tooltip per button (a trigger, a portal and observers apiece)
  // made a page of lives mount three per row before its rows showed; the span carries it, and the
  // reason, for a disabled button too
  return (
    <span style={{ display: 'inline-block' }} title={props.reason ?? props.label}>
      {button}
    </span>
  );
}

export function LiveRowActions({ live, showLabels, onChanged }: { live: Live; showLabels?: boolean; onChanged?: () => void }) {
  const { t } = useTranslation('lives');
  const online = useOnlineAction();
  const openEdit = useLivesStore((s) => s.openEdit);
  const actions = useLiveActions(onChanged);
  const offline = online.disabled ? online.reason : null;
  return (
    <Space size={showLabels ? 8 : 0}>
      <ActionButton
        label={t('actions.edit')}
        icon={<EditOutlined />}
        reason={offline ?? (canModify(live) ? null : t('actions.editOnlyReserved'))}
        testId={`edit-live-${live.livingid}`}
        onClick={() => openEdit(live.livingid)}
        showLabel={showLabels}
      />
      <ActionButton
        label={t('actions.cancel')}
        icon={<StopOutlined />}
        danger
        reason={offline ?? (canCancel(live) ? null : t('actions.cancelOnlyReserved'))}
        testId={`cancel-live-${live.livingid}`}
        onClick={() => actions.cancel(live)}
        showLabel={showLabels}
      />
      <ActionButton
        label={t('actions.deleteReplay')}
        icon={<DeleteOutlined />}
        danger
        reason={offline ?? (canDeleteReplay(live) ? null : t('actions.deleteReplayUnavailable'))}
        testId={`delete-replay-${live.livingid}`}
        onClick={() => actions.deleteReplay(live)}
        showLabel={showLabels}
      />
    </Space>
  );
}
