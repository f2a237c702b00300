// Who a send did not reach: invalid or unlicensed members, invalid departments and tags.
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SendResult } from '../../../shared/models.ts';

export const hasSendProblems = (r: SendResult): boolean =>
  r.invalidUsers.length + r.unlicensedUsers.length + r.invalidParties.length + r.invalidTags.length > 0;

export function SendResultList({ result }: { result: SendResult }) {
  const { t } = useTranslation('lives');
  const rows = [
    { key: 'invalidUsers', label: t('detail.absentees.invalidUsers'), values: result.invalidUsers },
    { key: 'unlicensedUsers', label: t('detail.absentees.unlicensedUsers'), values: result.unlicensedUsers },
    { key: 'invalidParties', label: t('detail.absentees.invalidParties'), values: result.invalidParties },
    { key: 'invalidTags', label: t('detail.absentees.invalidTags'), values: result.invalidTags },
  ].filter((row) => row.values.length > 0);
  if (rows.length === 0) return null;
  return (
    <Descriptions size="small" column={1} data-testid="send-result">
      {rows.map((row) => (
        <Descriptions.Item key={row.key} label={`${row.label} (${row.values.length})`}>
          <Typography.Text style={{ fontSize: 12 }} copyable={{ text: row.values.join('\n') }} data-testid={`send-result-${row.key}`}>
            {row.values.slice(0, 30).join(', ')}
            {row.values.length > 30 ? ' …' : ''}
          </Typography.Text>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
