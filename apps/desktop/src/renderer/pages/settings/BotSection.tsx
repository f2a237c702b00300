// Settings → AI bot: BotID, Secret (to the keychain, write-only), "this PC hosts the bot", status.
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Switch, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorText } from '../../errors.ts';
import { useQueryClient } from '@tanstack/react-query';
import { setServiceAnswer } from '../../hooks/queryClient.ts';
import { useBotStatus } from '../../hooks/useBotStatus.ts';
import { inLanguage } from '../../bilingual.ts';
import type { BotStatusView } from '../../../shared/bot-contract.ts';

interface BotForm {
  botId: string;
  secret: string;
  hostHere: boolean;
}

export function BotSection() {
  const { t, i18n } = useTranslation('bot');
  const { message } = App.useApp();
  const status = useBotStatus();
  const queryClient = useQueryClient();
  const receive = (answer: BotStatusView) => setServiceAnswer(queryClient, 'bot.status', {}, answer);
  const [form] = Form.useForm<BotForm>();
  const [saving, setSaving] = useState(false);
  // the bot log's "set up the bot" link opens Settings here
  const card = useRef<HTMLDivElement>(null);
  const wanted = useSearchParams()[0].get('section') === 'bot';
  useEffect(() => {
    if (wanted) card.current?.scrollIntoView({ block: 'start' });
  }, [wanted]);
  const savedBotId = status?.botId;
  const savedHostHere = status?.hostHere;
  useEffect(() => {
    if (savedBotId !== undefined)
      form.setFieldsValue({ botId: savedBotId, hostHere: savedHostHere ?? false });
  }, [form, savedBotId, savedHostHere]);

  const save = async (values: BotForm) => {
    setSaving(true);
    try {
      const secret = values.secret?.trim();
      receive(
        await api.call('bot.configure', {
          botId: values.botId.trim(),
          hostHere: values.hostHere,
          ...(secret ? { secret } : {}),
        }),
      );
      form.setFieldValue('secret', '');
      void message.success(t('settings.saved'));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const takeBack = async () => {
    try {
      receive(await api.call('bot.reconnect', {}));
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const trouble = status && ['taken_over', 'auth_failed', 'reconnecting'].includes(status.state);
  return (
    <Card ref={card} title={t('settings.title')} data-testid="bot-settings">
      <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
      {trouble ? (
        <Alert
          type={status.state === 'reconnecting' ? 'warning' : 'error'}
          showIcon
          data-testid="bot-settings-alert"
          message={t(`state.${status.state}`)}
          description={status.message ? inLanguage(status.message, i18n.language) : null}
          action={
            status.state === 'taken_over' ? (
              <Button size="small" onClick={() => void takeBack()} data-testid="bot-take-back">
                {t('settings.takeBack')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form
        name="bot"
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{ botId: '', secret: '', hostHere: false }}
      >
        <Form.Item name="botId" label={t('settings.botId')} rules={[{ max: 64 }]}>
          <Input placeholder={t('settings.botIdPlaceholder')} data-testid="bot-id" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="secret"
          label={t('settings.secret')}
          extra={status?.hasSecret ? t('settings.secretSaved') : undefined}
        >
          <Input.Password
            placeholder={t('settings.secretPlaceholder')}
            data-testid="bot-secret"
            autoComplete="off"
          />
        </Form.Item>
        <Form.Item
          name="hostHere"
          label={t('settings.hostHere')}
          valuePropName="checked"
          extra={t('settings.hostHereHelp')}
        >
          <Switch data-testid="bot-host-here" />
        </Form.Item>
        <Flex gap={12} align="center">
          <Button type="primary" htmlType="submit" loading={saving} data-testid="bot-save">
            {t('settings.save')}
          </Button>
          {status && status.state !== 'disabled' ? (
            <Typography.Text data-testid="bot-settings-state" data-state={status.state}>
              {t(`state.${status.state}`)} · {t('settings.answered', { count: status.answered })}
            </Typography.Text>
          ) : null}
          <Link to="/bot">{t('settings.openLog')}</Link>
        </Flex>
      </Form>
    </Card>
  );
}
