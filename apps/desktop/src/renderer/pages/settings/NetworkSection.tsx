// Network settings: WeCom base URL or API-gateway root (with its headers), proxy, timeout, retries,
// retry delay, cache TTL. Saved through main; credentials go to the keychain.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Switch, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DEMO_PROFILE } from '../../../shared/settings.ts';
import type { Settings } from '../../../shared/settings.ts';
import { extractNetworkSecrets } from '../../../shared/network-secrets.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDuration } from '../../format.ts';
import { useSettingsStore } from '../../stores/settings.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { formToNetwork, networkToForm, validateNetworkForm } from './networkForm.ts';
import type { NetworkFormValues } from './networkForm.ts';
import { useIssueRule } from './useIssueRule.ts';
import { preventEnterSubmit } from '../../components/preventEnterSubmit.ts';
import { TechnicalDetails } from '../../components/TechnicalDetails.tsx';

type FormValues = NetworkFormValues;

export function NetworkSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const update = useSettingsStore((s) => s.update);
  // what became of plain-text credentials an older version left in the settings file (this start)
  const statusProfileId = settings.activeProfileId ?? DEMO_PROFILE.id;
  const moved = useServiceQuery('secrets.status', { profileId: statusProfileId }).data?.network ?? null;
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const { rule } = useIssueRule(form, validateNetworkForm);
  // Read once per mount (the page remounts this section when another profile becomes active), so a
  // settings change from elsewhere never overwrites what the user is typing.
  const [initialValues] = useState<FormValues>(() => networkToForm(settings.network));
  const cacheEnabled = Form.useWatch('cacheEnabled', form) ?? settings.network.cacheEnabled;
  const ttl = Form.useWatch('cacheTtlSeconds', form);

  const save = async () => {
    setSaveError(null);
    try {
      await form.validateFields({ recursive: true });
    } catch {
      return;
    }
    const values = form.getFieldsValue(true) as FormValues;
    setSaving(true);
    try {
      // credentials go to the keychain first; the settings file keeps names and a bare proxy URL
      const { network, secrets } = extractNetworkSecrets(formToNetwork(values));
      for (const [account, secret] of Object.entries(secrets)) {
        await api.call('secrets.setNetwork', { account, secret });
      }
      await update({ network });
      form.setFieldsValue({ proxyUrl: network.proxyUrl, gatewayHeaders: values.gatewayHeaders.map((h) => ({ ...h, value: '' })) });
      void message.success(t('network.saved'));
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  const numberItem = (field: 'timeoutMs' | 'maxRetries' | 'retryDelayMs' | 'cacheTtlSeconds', unit: string, extra?: string) => {
    // no min/max on the input: it would replace what was typed on blur without a word; the rule
    // says the range instead
    return (
      <Form.Item name={field} label={t(`network.${field}`)} rules={[rule([field])]} extra={extra}>
        <InputNumber precision={0} suffix={unit} style={{ width: '100%' }} />
      </Form.Item>
    );
  };

  return (
    <Card title={t('network.title')} size="small">
      {moved ? (
        <Alert
          type={moved.state === 'moved' ? 'info' : 'warning'}
          showIcon
          closable
          style={{ marginBottom: 16 }}
          data-testid="network-credentials-moved"
          title={moved.state === 'moved' ? t('network.credentialsMoved', { count: moved.count }) : t('network.credentialsKept', { count: moved.count })}
          description={moved.state === 'moved' ? undefined : <TechnicalDetails text={moved.reason} />}
        />
      ) : null}
      <Form<FormValues> name="network" form={form} layout="vertical" initialValues={initialValues} onFinish={() => void save()} onKeyDown={preventEnterSubmit}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="baseUrl" label={t('network.baseUrl')} rules={[rule(['baseUrl'])]} extra={t('network.baseUrlHelp')}>
              <Input placeholder="https://qyapi.weixin.qq.com" spellCheck={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="proxyUrl" label={t('network.proxyUrl')} rules={[rule(['proxyUrl'])]} extra={t('network.proxyUrlHelp')}>
              <Input placeholder="http://proxy.example.com:8080" spellCheck={false} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            {numberItem('timeoutMs', 'ms')}
          </Col>
          <Col xs={12} md={6}>
            {numberItem('maxRetries', t('network.times'))}
          </Col>
          <Col xs={12} md={6}>
            {numberItem('retryDelayMs', 'ms', t('network.retryDelayHelp'))}
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="cacheEnabled" label={t('network.cacheEnabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Tooltip title={cacheEnabled ? undefined : t('network.cacheDisabled')}>
              <div>
                {numberItem('cacheTtlSeconds', t('network.seconds'), typeof ttl === 'number' && ttl > 0 ? formatDuration(ttl) : undefined)}
              </div>
            </Tooltip>
          </Col>
        </Row>

        <Typography.Text strong>{t('network.gatewayHeaders')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('network.gatewayHeadersHelpAll')}
        </Typography.Paragraph>
        <Form.List name="gatewayHeaders">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginBottom: 16 }}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item name={[field.name, 'name']} rules={[rule(['gatewayHeaders', field.name, 'name'])]} style={{ flex: 1, marginBottom: 4 }}>
                    <Input placeholder={t('network.headerName')} aria-label={t('network.headerName')} spellCheck={false} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'value']} style={{ flex: 2, marginBottom: 4 }}>
                    <Input.Password placeholder={t('network.headerValueKept')} aria-label={t('network.headerValue')} autoComplete="off" />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('network.removeHeader')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <div>
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', value: '' })}>
                  {t('network.addHeader')}
                </Button>
              </div>
            </Flex>
          )}
        </Form.List>
        {saveError ? <ErrorAlert error={saveError} /> : null}
        <Flex justify="flex-end" gap={8} style={{ marginTop: 8 }}>
          <Button onClick={() => form.resetFields()}>{t('common:actions.reset')}</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="network-save">
            {t('common:actions.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
