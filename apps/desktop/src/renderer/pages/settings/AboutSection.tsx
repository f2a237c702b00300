// Version, platform and the log folder (opened in the system's file manager by main).
import { App, Button, Card, Descriptions, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MainOutput } from '../../../shared/contract.ts';
import { api } from '../../api/client.ts';
import { errorText } from '../../errors.ts';

export function AboutSection() {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const [info, setInfo] = useState<MainOutput<'app.info'> | null>(null);

  useEffect(() => {
    let live = true;
    api.main('app.info', {}).then(
      (i) => live && setInfo(i),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);

  const openLogs = () => api.main('app.openLogFolder', {}).catch((e: unknown) => void message.error(errorText(e)));

  return (
    <Card
      title={t('about.title')}
      size="small"
      extra={
        <Button size="small" icon={<FolderOpenOutlined />} onClick={() => void openLogs()} data-testid="open-log-folder">
          {t('about.openLogs')}
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'version', label: t('about.version'), children: info?.version ?? '–' },
          { key: 'platform', label: t('about.platform'), children: info ? `${info.platform}${info.electron ? ` · Electron ${info.electron}` : ''}` : '–' },
          { key: 'logs', label: t('about.logFolder'), children: info ? <Typography.Text code copyable>{info.logFolder}</Typography.Text> : '–' },
        ]}
      />
    </Card>
  );
}
