// The title row of every page: the title, how old the data is, and the page's actions on the right.
import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { AsOf } from './AsOf.tsx';

export interface PageHeaderProps {
  title: ReactNode;
  extra?: ReactNode;
  /** Pass `null` to show "no data yet"; leave undefined to hide the time. */
  asOf?: number | null;
  stale?: boolean;
  /** Shown under the title (e.g. a breadcrumb or a subtitle). */
  subTitle?: ReactNode;
}

export function PageHeader({ title, extra, asOf, stale, subTitle }: PageHeaderProps) {
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Flex vertical gap={2}>
        <Flex align="baseline" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {asOf !== undefined ? <AsOf asOf={asOf} stale={stale ?? false} /> : null}
        </Flex>
        {subTitle ? <Typography.Text type="secondary">{subTitle}</Typography.Text> : null}
      </Flex>
      {extra ? (
        <Flex gap={8} wrap align="center">
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}

export default PageHeader;
