// 培训: the training series and the learner report.
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LearnerReportView } from './LearnerReportView.tsx';
import { SeriesList } from './SeriesList.tsx';

export default function TrainingPage() {
  const { t } = useTranslation('training');
  return (
    <div data-testid="page-training">
      <PageHeader title={t('title')} />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'series', label: t('series.title'), children: <SeriesList /> },
          { key: 'report', label: t('report.title'), children: <LearnerReportView /> },
        ]}
      />
    </div>
  );
}
