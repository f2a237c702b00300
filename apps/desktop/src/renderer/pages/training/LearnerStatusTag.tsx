// 完成 / 部分观看 / 未参加 / 应参加 as a coloured tag.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LearnerStatus } from '../../../shared/training.ts';

const COLORS: Record<LearnerStatus, string> = { completed: 'green', partial: 'gold', absent: 'red', required: 'default' };

export function LearnerStatusTag({ status }: { status: LearnerStatus | null }) {
  const { t } = useTranslation('training');
  if (status === null) return <span>–</span>;
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>;
}
