// A button for actions that need WeCom: disabled offline, with the reason on hover and for screen readers.
import { Button, Tooltip } from 'antd';
import type { ButtonProps } from 'antd';
import { useOnlineAction } from '../hooks/useOnlineAction.ts';

export function OnlineButton({ disabled, ...props }: ButtonProps) {
  const online = useOnlineAction();
  const off = online.disabled || Boolean(disabled);
  const button = <Button {...props} disabled={off} aria-description={online.reason ?? undefined} />;
  if (!online.disabled) return button;
  // A disabled button swallows pointer events: the span keeps the tooltip working.
  return (
    <Tooltip title={online.reason}>
      <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>{button}</span>
    </Tooltip>
  );
}

export default OnlineButton;
