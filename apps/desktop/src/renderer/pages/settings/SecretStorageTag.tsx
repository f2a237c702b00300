// Where one secret is kept, said on the field: the system keychain, this session only (typed again
// after the app quits), the Demo's simulator — or nothing when there is none yet.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SecretsStatus } from '../../stores/settings.ts';

type Storage = SecretsStatus['storage'][string];

const COLOR: Record<Storage, string> = { keychain: 'green', 'encrypted-file': 'green', session: 'orange', simulator: 'default', missing: 'red' };

export function SecretStorageTag({ storage, testId }: { storage: Storage | undefined; testId?: string }) {
  const { t } = useTranslation('settings');
  if (!storage || storage === 'missing') return null;
  return (
    <Tooltip title={t(`secrets.where.${storage}Help`)}>
      <Tag color={COLOR[storage]} data-testid={testId} data-storage={storage}>
        {t(`secrets.where.${storage}`)}
      </Tag>
    </Tooltip>
  );
}
