// The AI bot's state in the top bar (hidden while the bot is off); a click opens the bot log.
import { Badge, Tooltip } from 'antd';
import type { BadgeProps } from 'antd';
import { RobotOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BotState } from '../../shared/bot-contract.ts';
import { useBotStatus } from '../hooks/useBotStatus.ts';
import { inLanguage } from '../bilingual.ts';

const BADGE: Record<BotState, BadgeProps['status']> = {
  disabled: 'default',
  idle: 'default',
  connecting: 'processing',
  subscribing: 'processing',
  online: 'success',
  reconnecting: 'warning',
  taken_over: 'error',
  auth_failed: 'error',
  stopped: 'default',
};

export function BotStatusBadge() {
  const { t, i18n } = useTranslation('bot');
  const navigate = useNavigate();
  const status = useBotStatus();
  if (!status || status.state === 'disabled') return null;
  return (
    <Tooltip title={status.message ? inLanguage(status.message, i18n.language) : t('settings.answered', { count: status.answered })}>
      <button
        type="button"
        data-testid="bot-state"
        data-state={status.state}
        onClick={() => void navigate('/bot')}
        style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer', font: 'inherit' }}
      >
        <RobotOutlined style={{ marginInlineEnd: 6 }} />
        <Badge status={BADGE[status.state]} text={t(`state.${status.state}`)} />
      </button>
    </Tooltip>
  );
}
