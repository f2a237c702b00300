// One live: its information in words, watch statistics, analytics and absentees.
import { Button, Result, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useLiveWithStatus } from '../../stores/liveStatus.ts';
import { LiveRowActions } from '../lives/LiveRowActions.tsx';
import { LiveEditorDrawer } from '../lives/LiveEditorDrawer.tsx';
import { LiveInfo } from './LiveInfo.tsx';
import { LiveTrainingBar } from './LiveTrainingBar.tsx';
import { LiveDetailTabs } from './LiveDetailTabs.tsx';

export default function LiveDetailPage() {
  const { t } = useTranslation('lives');
  const navigate = useNavigate();
  const { livingid = '' } = useParams();
  const detail = useServiceQuery('lives.get', { livingid }, { topics: ['lives'], enabled: livingid !== '' });
  const departments = useServiceQuery('org.departments', {}, { topics: ['org'] });
  const live = useLiveWithStatus(detail.data?.live);

  const back = (
    <Link to="/lives">
      <ArrowLeftOutlined /> {t('detail.back')}
    </Link>
  );

  if (detail.error && !detail.data) {
    if (detail.error.kind === 'not_found') {
      return (
        <Result
          status="404"
          title={t('detail.notFound')}
          subTitle={livingid}
          extra={<Button onClick={() => void navigate('/lives')}>{t('detail.back')}</Button>}
          data-testid="live-not-found"
        />
      );
    }
    return (
      <div data-testid="page-live-detail">
        {back}
        <ErrorAlert error={detail.error} onRetry={detail.refetch} />
      </div>
    );
  }
  if (!live) return <Skeleton active paragraph={{ rows: 12 }} />;

  const departmentName =
    live.mainDepartment === null
      ? null
      : (departments.data?.departments.find((d) => d.id === live.mainDepartment)?.name ?? null);

  return (
    <div data-testid="page-live-detail" data-livingid={live.livingid}>
      <PageHeader
        title={live.theme}
        subTitle={back}
        asOf={detail.data?.asOf ?? null}
        stale={detail.data?.stale ?? false}
        extra={<LiveRowActions live={live} showLabels onChanged={detail.refetch} />}
      />
      {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.refetch} /> : null}
      <LiveInfo live={live} departmentName={departmentName} departmentPath={detail.data?.mainDepartmentPath ?? null} />
      <LiveTrainingBar live={live} />
      <LiveDetailTabs live={live} />
      <LiveEditorDrawer />
    </div>
  );
}
