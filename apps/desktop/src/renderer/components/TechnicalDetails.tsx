// A system's own message (a D-Bus or native module error) kept out of the sentence a person reads,
// one click away for whoever has to fix the machine.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function TechnicalDetails({ text }: { text: string | null | undefined }) {
  const { t } = useTranslation('common');
  if (!text) return null;
  return (
    <details style={{ marginTop: 4 }} data-testid="technical-details">
      <summary style={{ cursor: 'pointer' }}>{t('technicalDetails')}</summary>
      <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
        {text}
      </Typography.Text>
    </details>
  );
}
