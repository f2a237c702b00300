// "123 / 2048 字节" under a field, red once over WeCom's limit; read out politely to screen readers.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { charCount, utf8Bytes } from '@wld/wecom-core/rules';

export interface ByteCounterProps {
  value: string;
  max: number;
  /** Count characters instead of bytes (e.g. the textcard button text). */
  unit?: 'bytes' | 'chars';
  'data-testid'?: string;
}

export function ByteCounter({ value, max, unit = 'bytes', ...rest }: ByteCounterProps) {
  const { t } = useTranslation('messages');
  const used = unit === 'bytes' ? utf8Bytes(value) : charCount(value);
  const over = used > max;
  return (
    <Typography.Text
      type={over ? 'danger' : 'secondary'}
      style={{ fontSize: 12 }}
      aria-live="polite"
      data-over={over ? 'true' : 'false'}
      data-testid={rest['data-testid']}
    >
      {t(unit === 'bytes' ? 'counter.bytes' : 'counter.chars', { used, max })}
    </Typography.Text>
  );
}
