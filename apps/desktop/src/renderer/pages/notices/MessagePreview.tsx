// A message as its recipients will see it in WeCom: a textcard's title, lines and button, or text.
import { Card, Typography } from 'antd';
import type { MessageBody } from '../../../shared/models.ts';
import { textcardLines } from '../../../shared/textcard-lines.ts';

export function MessagePreview({ body }: { body: MessageBody }) {
  if (body.msgtype === 'textcard') {
    const lines = textcardLines(body.description);
    return (
      <Card size="small" data-testid="message-preview" styles={{ body: { padding: 12 } }}>
        <Typography.Text strong>{body.title}</Typography.Text>
        {lines.map((line, i) => (
          <Typography.Paragraph key={i} type={i === 0 ? 'secondary' : undefined} style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
            {line}
          </Typography.Paragraph>
        ))}
        {body.btntxt ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, borderTop: '1px solid rgba(5,5,5,0.06)', paddingTop: 6 }}>
            {body.btntxt} ›
          </Typography.Text>
        ) : null}
      </Card>
    );
  }
  const text = body.msgtype === 'text' || body.msgtype === 'markdown' ? body.content : body.mediaId;
  return (
    <Card size="small" data-testid="message-preview" styles={{ body: { padding: 12 } }}>
      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{text}</Typography.Paragraph>
    </Card>
  );
}
