// "Test connection": tries the typed corpId, agentid and secret against WeCom without saving them, and
// says what WeCom answered in words (a wrong secret → 40001 and how to fix it).
import { useState } from 'react';
import { Alert, Button, Flex, Typography } from 'antd';
import { ApiOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../shared/contract.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorText } from '../../errors.ts';
import { errcodeHelp } from '../api-usage/wecomErrorHelp.ts';

export type ConnectionTestInput = MethodInput<'connection.test'>;
type ConnectionTestResult = MethodOutput<'connection.test'>;

export interface TestConnectionProps {
  /** The credentials as typed, or null when the fields are not valid yet (they show why). */
  getCredentials: () => Promise<ConnectionTestInput | null>;
}

export function TestConnection({ getCredentials }: TestConnectionProps) {
  const { t } = useTranslation('settings');
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const run = async () => {
    setResult(null);
    setFailure(null);
    const input = await getCredentials();
    if (!input) return;
    setTesting(true);
    try {
      setResult(await api.call('connection.test', input));
    } catch (e) {
      setFailure(e);
    } finally {
      setTesting(false);
    }
  };

  const help = result && !result.ok ? errcodeHelp(t, result.errcode) : null;

  return (
    <Flex vertical gap={8} data-testid="test-connection-panel">
      <div>
        <Button icon={<ApiOutlined />} loading={testing} onClick={() => void run()} data-testid="test-connection">
          {t('test.button')}
        </Button>
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
          {t('test.hint')}
        </Typography.Text>
      </div>
      {result?.ok ? (
        <Alert
          type="success"
          showIcon
          data-testid="test-connection-result"
          title={t('test.ok', { ms: Math.round(result.latencyMs) })}
        />
      ) : null}
      {result && !result.ok ? (
        <Alert
          type="error"
          showIcon
          data-testid="test-connection-result"
          title={errorText(result.error)}
          description={
            <div>
              {result.errcode !== undefined ? (
                <Typography.Text type="secondary">{t('test.errcode', { errcode: result.errcode })} </Typography.Text>
              ) : null}
              {help ? (
                <>
                  <div>{help.meaning}</div>
                  <div>
                    <Typography.Text strong>{t('test.fix')}</Typography.Text> {help.fix}
                  </div>
                </>
              ) : null}
            </div>
          }
        />
      ) : null}
      {failure ? <ErrorAlert error={failure} compact /> : null}
    </Flex>
  );
}
