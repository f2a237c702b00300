// A live's status in words, with a pulsing dot while it is live.
import { Badge, Tag } from 'antd';
import { LIVE_STATUS_COLORS, liveStatusLabel } from '../format.ts';

export function LiveStatusTag({ status }: { status: number }) {
  if (status === 1) {
    return (
      <Tag color="red" data-testid="live-status" data-status={status}>
        <Badge status="processing" color="red" /> {liveStatusLabel(status)}
      </Tag>
    );
  }
  return (
    <Tag color={LIVE_STATUS_COLORS[status] ?? 'default'} data-testid="live-status" data-status={status}>
      {liveStatusLabel(status)}
    </Tag>
  );
}

export default LiveStatusTag;
