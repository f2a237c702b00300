// The message content for each type — text, markdown, textcard, image, file — with WeCom's limits
// counted live. Controlled: the composer and the group-chat sender keep their own drafts.
import { useId } from 'react';
import { Flex, Form, Input, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComposerDraft, Msgtype } from '../../stores/messages.ts';
import { ByteCounter } from './ByteCounter.tsx';
import { MediaUpload } from './MediaUpload.tsx';
import { MESSAGE_LIMITS } from '@wld/wecom-core/rules';
import type { DraftField, DraftIssue } from './messageLimits.ts';

export const MSGTYPES: readonly Msgtype[] = ['text', 'textcard', 'markdown', 'image', 'file'];

export interface ContentEditorProps {
  draft: ComposerDraft;
  onChange: (patch: Partial<ComposerDraft>) => void;
  issues: DraftIssue[];
  /** Show issues only after the user tried to send, or for limits already exceeded. */
  showIssues: boolean;
}

export function ContentEditor({ draft, onChange, issues, showIssues }: ContentEditorProps) {
  const { t } = useTranslation('messages');
  const issueFor = (field: DraftField) => {
    const issue = issues.find((i) => i.field === field);
    // Limits exceeded show at once; "required" waits until a send was attempted.
    if (!issue || (!showIssues && !/tooMany/.test(issue.key))) return {};
    return { validateStatus: 'error' as const, help: t(issue.key, issue.values ?? {}) };
  };
  // labels name their fields (screen readers, a click on the label): ids unique per editor, as two may be mounted
  const id = useId();
  const setCard = (patch: Partial<ComposerDraft['card']>) => onChange({ card: { ...draft.card, ...patch } });

  return (
    <Flex vertical gap={12}>
      <div data-testid="msgtype">
        <Segmented<Msgtype>
          value={draft.msgtype}
          onChange={(msgtype) => onChange({ msgtype })}
          options={MSGTYPES.map((m) => ({ value: m, label: t(`types.${m}`) }))}
          aria-label={t('fields.msgtype')}
        />
      </div>
      <Form layout="vertical" component="div">
        {draft.msgtype === 'text' ? (
          <Form.Item label={t('fields.content')} htmlFor={`${id}-text`} {...issueFor('text')} extra={<ByteCounter value={draft.text} max={MESSAGE_LIMITS.textBytes} data-testid="counter-text" />}>
            <Input.TextArea
              value={draft.text}
              onChange={(e) => onChange({ text: e.target.value })}
              autoSize={{ minRows: 5, maxRows: 14 }}
              placeholder={t('fields.textPlaceholder')}
              id={`${id}-text`}
              data-testid="content-text"
            />
          </Form.Item>
        ) : null}
        {draft.msgtype === 'markdown' ? (
          <Form.Item
            label={t('fields.markdown')}
            htmlFor={`${id}-markdown`}
            {...issueFor('markdown')}
            extra={
              <Flex vertical>
                <ByteCounter value={draft.markdown} max={MESSAGE_LIMITS.markdownBytes} data-testid="counter-markdown" />
                <span>{t('fields.markdownHint')}</span>
              </Flex>
            }
          >
            <Input.TextArea
              value={draft.markdown}
              onChange={(e) => onChange({ markdown: e.target.value })}
              autoSize={{ minRows: 6, maxRows: 16 }}
              placeholder={t('fields.markdownPlaceholder')}
              style={{ fontFamily: 'monospace' }}
              id={`${id}-markdown`}
              data-testid="content-markdown"
            />
          </Form.Item>
        ) : null}
        {draft.msgtype === 'textcard' ? (
          <>
            <Form.Item label={t('fields.title')} htmlFor={`${id}-card-title`} {...issueFor('title')} extra={<ByteCounter value={draft.card.title} max={MESSAGE_LIMITS.textcardTitleBytes} data-testid="counter-title" />}>
              <Input id={`${id}-card-title`} value={draft.card.title} onChange={(e) => setCard({ title: e.target.value })} data-testid="card-title" />
            </Form.Item>
            <Form.Item
              label={t('fields.description')}
              htmlFor={`${id}-card-description`}
              {...issueFor('description')}
              extra={<ByteCounter value={draft.card.description} max={MESSAGE_LIMITS.textcardDescriptionBytes} data-testid="counter-description" />}
            >
              <Input.TextArea
                value={draft.card.description}
                onChange={(e) => setCard({ description: e.target.value })}
                autoSize={{ minRows: 3, maxRows: 8 }}
                id={`${id}-card-description`}
                data-testid="card-description"
              />
            </Form.Item>
            <Form.Item label={t('fields.url')} htmlFor={`${id}-card-url`} {...issueFor('url')}>
              <Input id={`${id}-card-url`} value={draft.card.url} onChange={(e) => setCard({ url: e.target.value })} placeholder="https://" spellCheck={false} data-testid="card-url" />
            </Form.Item>
            <Form.Item
              label={t('fields.btntxt')}
              htmlFor={`${id}-card-button`}
              {...issueFor('btntxt')}
              extra={<ByteCounter value={draft.card.btntxt} max={MESSAGE_LIMITS.textcardBtntxtChars} unit="chars" />}
            >
              <Input id={`${id}-card-button`} value={draft.card.btntxt} onChange={(e) => setCard({ btntxt: e.target.value })} placeholder={t('fields.btntxtPlaceholder')} style={{ width: 200 }} />
            </Form.Item>
          </>
        ) : null}
        {draft.msgtype === 'image' || draft.msgtype === 'file' ? (
          <Form.Item label={t(draft.msgtype === 'image' ? 'fields.image' : 'fields.file')} {...issueFor(draft.msgtype)}>
            <MediaUpload
              kind={draft.msgtype}
              value={draft[draft.msgtype]}
              onChange={(media) => onChange({ [draft.msgtype]: media } as Partial<ComposerDraft>)}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Flex>
  );
}
