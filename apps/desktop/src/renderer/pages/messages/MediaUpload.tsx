// Picks an image or a file, checks WeCom's size limits before anything is sent, and uploads it with
// `media.upload` (the bytes as a Uint8Array). The media_id it returns is valid for 3 days.
import { useState } from 'react';
import { Alert, Button, Flex, Tooltip, Typography, Upload } from 'antd';
import { DeleteOutlined, FileOutlined, PictureOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatBytes, formatDateTime } from '../../format.ts';
import { useOnlineAction } from '../../hooks/useOnlineAction.ts';
import type { MediaDraft } from '../../stores/messages.ts';
import { MEDIA_ID_LIFETIME_MS } from '@wld/wecom-core/rules';
import { mediaSizeIssue } from './messageLimits.ts';

export interface MediaUploadProps {
  kind: 'image' | 'file';
  value: MediaDraft | null;
  onChange: (media: MediaDraft | null) => void;
}

const IMAGE_TYPES = ['image/jpeg', 'image/png'];

export function MediaUpload({ kind, value, onChange }: MediaUploadProps) {
  const { t } = useTranslation('messages');
  const online = useOnlineAction();
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const upload = async (file: File) => {
    setProblem(null);
    setError(null);
    if (kind === 'image' && file.type && !IMAGE_TYPES.includes(file.type)) {
      setProblem(t('issues.imageType'));
      return;
    }
    const issue = mediaSizeIssue(kind, file.size);
    if (issue) {
      setProblem(t(issue.key, issue.values ?? {}));
      return;
    }
    setUploading(true);
    try {
      const data = new Uint8Array(await file.arrayBuffer());
      const result = await api.call('media.upload', {
        type: kind,
        filename: file.name.slice(0, 200),
        contentType: file.type || 'application/octet-stream',
        data,
      });
      onChange({ mediaId: result.mediaId, filename: file.name, size: file.size, uploadedAt: result.createdAt * 1000 });
    } catch (e) {
      setError(e);
    } finally {
      setUploading(false);
    }
  };

  const limit = kind === 'image' ? t('media.imageLimit') : t('media.fileLimit');
  const button = (
    <Button icon={<UploadOutlined />} loading={uploading} disabled={online.disabled} data-testid={`upload-${kind}`}>
      {value ? t('media.replace') : t(kind === 'image' ? 'media.pickImage' : 'media.pickFile')}
    </Button>
  );

  return (
    <Flex vertical gap={8}>
      <Flex gap={12} align="center" wrap>
        <Upload
          accept={kind === 'image' ? '.jpg,.jpeg,.png' : undefined}
          showUploadList={false}
          maxCount={1}
          disabled={online.disabled || uploading}
          beforeUpload={(file) => {
            void upload(file);
            return false; // we upload through the services, not antd's XHR
          }}
        >
          {online.disabled ? <Tooltip title={online.reason}>{button}</Tooltip> : button}
        </Upload>
        <Typography.Text type="secondary">{limit}</Typography.Text>
      </Flex>
      {value ? (
        <Flex gap={8} align="center" data-testid={`media-${kind}`}>
          {kind === 'image' ? <PictureOutlined /> : <FileOutlined />}
          <Typography.Text strong>{value.filename}</Typography.Text>
          <Typography.Text type="secondary">
            {formatBytes(value.size)} · {t('media.validUntil', { time: formatDateTime(value.uploadedAt + MEDIA_ID_LIFETIME_MS) })}
          </Typography.Text>
          <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('media.remove')} onClick={() => onChange(null)} />
        </Flex>
      ) : null}
      {problem ? <Alert type="error" showIcon title={problem} data-testid="media-problem" /> : null}
      {error ? <ErrorAlert error={error} compact /> : null}
    </Flex>
  );
}
