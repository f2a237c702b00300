// Statistics across lives: a date range and filters, totals, charts, the top lives, and exports.
import { Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useAfterFirstCommit } from '../../hooks/useAfterFirstCommit.ts';
import { overviewInput, useStatisticsStore } from '../../stores/statistics.ts';
import { StatisticsFilters } from './StatisticsFilters.tsx';
import { TotalsCards } from './TotalsCards.tsx';
import { StatisticsCharts } from './StatisticsCharts.tsx';
import { TopLivesTable } from './TopLivesTable.tsx';
import { StatisticsExport } from './StatisticsExport.tsx';

export default function StatisticsPage() {
  const { t } = useTranslation('statistics');
  const filters = useStatisticsStore((s) => s.filters);
  const overview = useServiceQuery('stats.overview', overviewInput(filters), { topics: ['lives', 'watch', 'stats'] });
  const departments = useServiceQuery('org.departments', {}, { topics: ['org'] });
  const data = overview.data;
  // the top lives' table sits under the charts, out of the first screen: it follows the first paint
  const below = useAfterFirstCommit();

  return (
    <div data-testid="statistics-page">
      <PageHeader
        title={t('title')}
        asOf={data ? data.asOf : undefined}
        stale={data?.stale ?? false}
        extra={<StatisticsExport overview={data} from={filters.from} to={filters.to} departments={departments.data?.departments ?? []} />}
      />
      <Flex vertical gap={12}>
        <StatisticsFilters departments={departments.data?.departments ?? []} />
        {overview.error ? <ErrorAlert error={overview.error} onRetry={overview.refetch} /> : null}
        {!data ? (
          overview.error ? null : <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <div style={{ opacity: overview.loading ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={overview.loading}>
            <Flex vertical gap={12}>
              <TotalsCards overview={data} />
              <StatisticsCharts overview={data} />
              {below ? <TopLivesTable overview={data} /> : null}
            </Flex>
          </div>
        )}
      </Flex>
    </div>
  );
}
