// An activity live's page (活动直播): cover image, share image and a detail text with up to five
// images. Images are uploaded to WeCom as they are picked (media ids last 3 days), and WeCom takes
// them only when the live is created.
import { Button, Flex, Form, Input, Typography } from 'antd';
import { DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FormRule } from 'antd';
import { now as clockNow } from '@wld/clock';
import { LIVING_LIMITS, MEDIA_ID_LIFETIME_MS } from '@wld/wecom-core/rules';
import type { MethodInput } from '../../../shared/contract.ts';
import type { MediaDraft } from '../../stores/messages.ts';
import { MediaUpload } from '../messages/MediaUpload.tsx';

export interface ActivityFormValues {
  cover: MediaDraft | null;
  share: MediaDraft | null;
  description: string;
  images: MediaDraft[];
}

export const emptyActivity = (): ActivityFormValues => ({ cover: null, share: null, description: '', images: [] });

/** The contract's activity input; null when nothing was given. */
export function toActivityInput(v: ActivityFormValues | undefined): NonNullable<MethodInput<'lives.create'>['activity']> | null {
  if (!v) return null;
  const empty = !v.cover && !v.share && v.description.trim() === '' && v.images.length === 0;
  if (empty) return null;
  return {
    coverMediaId: v.cover?.mediaId ?? null,
    shareMediaId: v.share?.mediaId ?? null,
    description: v.description,
    imageMediaIds: v.images.map((i) => i.mediaId),
  };
}

const expired = (media: MediaDraft | null | undefined, now: number) => !!media && now - media.uploadedAt >= MEDIA_ID_LIFETIME_MS;

function DetailImages({ value = [], onChange }: { value?: MediaDraft[]; onChange?: (images: MediaDraft[]) => void }) {
  const { t } = useTranslation('lives');
  return (
    <Flex vertical gap={6}>
      {value.map((image, i) => (
        <Flex key={image.mediaId} gap={8} align="center" data-testid="activity-detail-image">
          <PictureOutlined />
          <Typography.Text>{image.filename}</Typography.Text>
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('form.activity.removeImage', { name: image.filename })}
            onClick={() => onChange?.(value.filter((_, j) => j !== i))}
          />
        </Flex>
      ))}
      {value.length < LIVING_LIMITS.activityImages ? (
        <MediaUpload kind="image" value={null} onChange={(media) => (media ? onChange?.([...value, media]) : undefined)} />
      ) : null}
    </Flex>
  );
}

export function ActivityFields() {
  const { t } = useTranslation('lives');
  const fresh: FormRule = {
    validator: (_rule, value: MediaDraft | MediaDraft[] | null) => {
      const now = clockNow();
      const stale = Array.isArray(value) ? value.some((m) => expired(m, now)) : expired(value, now);
      return stale ? Promise.reject(new Error(t('form.activity.expired'))) : Promise.resolve();
    },
  };
  return (
    <div data-testid="activity-fields">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('form.activity.hint')}
      </Typography.Paragraph>
      <Flex gap={12} wrap>
        <Form.Item name={['activity', 'cover']} label={t('form.activity.cover')} rules={[fresh]} style={{ flex: '1 1 260px' }}>
          <SingleImage testid="activity-cover" />
        </Form.Item>
        <Form.Item name={['activity', 'share']} label={t('form.activity.share')} rules={[fresh]} style={{ flex: '1 1 260px' }}>
          <SingleImage testid="activity-share" />
        </Form.Item>
      </Flex>
      <Form.Item name={['activity', 'description']} label={t('form.activity.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} data-testid="activity-description" />
      </Form.Item>
      <Form.Item
        name={['activity', 'images']}
        label={t('form.activity.images', { max: LIVING_LIMITS.activityImages })}
        rules={[fresh]}
      >
        <DetailImagesField />
      </Form.Item>
    </div>
  );
}

function SingleImage({ value = null, onChange, testid }: { value?: MediaDraft | null; onChange?: (m: MediaDraft | null) => void; testid: string }) {
  return (
    <div data-testid={testid}>
      <MediaUpload kind="image" value={value} onChange={(m) => onChange?.(m)} />
    </div>
  );
}

function DetailImagesField(props: { value?: MediaDraft[]; onChange?: (images: MediaDraft[]) => void }) {
  return (
    <div data-testid="activity-images">
      <DetailImages {...props} />
    </div>
  );
}
