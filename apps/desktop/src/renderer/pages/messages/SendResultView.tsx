// What WeCom did with a send: delivered to everyone, or which recipients were invalid (outside the
// app's visibility, unknown) and which users have no licence — each listed by name where known.
import { Alert, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SendResult } from '../../../shared/models.ts';
import { nameWithId } from '../../format.ts';

export interface SendResultViewProps {
  result: SendResult;
  /** id → display name for users (`user:<id>`), departments (`dept:<id>`) and tags (`tag:<id>`). */
  names: (kind: 'user' | 'dept' | 'tag', id: string) => string | undefined;
  onClose?: () => void;
}

export function problemCount(result: SendResult): number {
  return result.invalidUsers.length + result.invalidParties.length + result.invalidTags.length + result.unlicensedUsers.length;
}

export function SendResultView({ result, names, onClose }: SendResultViewProps) {
  const { t } = useTranslation('messages');
  const problems = problemCount(result);
  const unreadable = result.unreadable !== undefined;
  const list = (kind: 'user' | 'dept' | 'tag', ids: string[], testid: string, label: string) =>
    ids.length === 0 ? null : (
      <div data-testid={testid}>
        <Typography.Text strong>
          {t('result.listHeading', { label, count: ids.length })}
        </Typography.Text>
        <Flex wrap gap={4} style={{ marginTop: 4 }}>
          {ids.map((id) => {
            const name = names(kind, id);
            return (
              <Tag key={id} color={kind === 'user' ? 'red' : 'volcano'}>
                {nameWithId(name, id)}
              </Tag>
            );
          })}
        </Flex>
      </div>
    );

  return (
    <Alert
      type={problems === 0 && !unreadable ? 'success' : 'warning'}
      showIcon
      closable={onClose ? { onClose } : false}
      data-testid="send-result"
      title={unreadable ? t('result.unreadable') : problems === 0 ? t('result.ok') : t('result.partial', { count: problems })}
      description={
        <Flex vertical gap={8}>
          {result.msgid ? <Typography.Text type="secondary">msgid: {result.msgid}</Typography.Text> : null}
          {list('user', result.invalidUsers, 'invalid-users', t('result.invalidUsers'))}
          {list('dept', result.invalidParties, 'invalid-parties', t('result.invalidParties'))}
          {list('tag', result.invalidTags, 'invalid-tags', t('result.invalidTags'))}
          {list('user', result.unlicensedUsers, 'unlicensed-users', t('result.unlicensedUsers'))}
          {unreadable ? (
            <Typography.Text type="secondary" data-testid="send-result-unreadable">
              {t('result.unreadableHint', { fields: result.unreadable?.join(', ') ?? '' })}
            </Typography.Text>
          ) : null}
          {problems > 0 ? <Typography.Text type="secondary">{t('result.partialHint')}</Typography.Text> : null}
        </Flex>
      }
    />
  );
}
