// Shows a failure in words (errorText: code + params in the app's language): the sentence up front, code and details one click away.
import { useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, toServiceError } from '../errors.ts';
import type { ServiceError } from '../../shared/models.ts';

export interface ErrorAlertProps {
  error: ServiceError | unknown;
  onRetry?: () => void;
  /** Smaller, inline variant for forms and drawers. */
  compact?: boolean;
  className?: string;
}

export function ErrorAlert({ error, onRetry, compact, className }: ErrorAlertProps) {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState(false);
  const err = toServiceError(error);
  const hasDetails = Boolean(err.details) || Boolean(err.code);
  const type = err.kind === 'offline' || err.kind === 'cancelled' ? 'warning' : 'error';

  const description = open ? (
    <div data-testid="error-details">
      <Typography.Text type="secondary">
        {t('error.code')}: {err.code}
        {err.errcode !== undefined ? ` (errcode ${err.errcode})` : ''}
      </Typography.Text>
      {err.details ? (
        <pre style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0', maxHeight: 200, overflow: 'auto', fontSize: 12 }}>
          {err.details}
        </pre>
      ) : null}
    </div>
  ) : undefined;

  return (
    <Alert
      className={className}
      role="alert"
      data-testid="error-alert"
      type={type}
      showIcon
      title={errorText(err)}
      description={description}
      style={compact ? { padding: '4px 12px' } : undefined}
      action={
        <Space size={4}>
          {hasDetails ? (
            <Button size="small" type="link" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
              {open ? t('error.hideDetails') : t('error.details')}
            </Button>
          ) : null}
          {onRetry ? (
            <Button size="small" onClick={onRetry}>
              {t('error.retry')}
            </Button>
          ) : null}
        </Space>
      }
    />
  );
}

export default ErrorAlert;
