// Under a live's information: its series (choose or change), copy it, repeat it weekly or monthly.
import { useState } from 'react';
import { App, Button, Flex, Select, Typography } from 'antd';
import { CopyOutlined, RetweetOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Live } from '../../../shared/models.ts';
import { api } from '../../api/client.ts';
import { errorText } from '../../errors.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useLivesStore } from '../../stores/lives.ts';
import { RepeatLiveModal } from '../training/RepeatLiveModal.tsx';

export function LiveTrainingBar({ live }: { live: Live }) {
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const openCopy = useLivesStore((s) => s.openCopy);
  const [repeating, setRepeating] = useState(false);
  const training = useServiceQuery('training.live', { livingid: live.livingid }, { topics: ['training'] });
  const series = useServiceQuery('training.seriesList', {}, { topics: ['training'] });
  const current = training.data?.series ?? null;

  const choose = async (id: number | null) => {
    try {
      if (id === null && current) await api.call('training.seriesSetLives', { id: current.id, remove: [live.livingid] });
      else if (id !== null) await api.call('training.seriesSetLives', { id, add: [live.livingid] });
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <Flex gap={8} wrap align="center" style={{ marginTop: 12 }} data-testid="live-training-bar">
      <Typography.Text type="secondary">{t('series.inSeries')}:</Typography.Text>
      <Select<number | null>
        style={{ minWidth: 200 }}
        value={current?.id ?? null}
        placeholder={t('series.chooseSeries')}
        allowClear
        onChange={(id) => void choose(id ?? null)}
        options={(series.data?.series ?? []).map((s) => ({ value: s.id, label: s.name }))}
        notFoundContent={t('series.none')}
        data-testid="live-series-select"
      />
      {current ? (
        <Link to={`/training/series/${current.id}`} data-testid="live-series-link">
          {current.name}
        </Link>
      ) : null}
      <Button icon={<CopyOutlined />} onClick={() => openCopy(live.livingid)} data-testid="live-copy">
        {t('copy')}
      </Button>
      <Button icon={<RetweetOutlined />} onClick={() => setRepeating(true)} data-testid="live-repeat">
        {t('repeat.button')}
      </Button>
      <RepeatLiveModal live={live} open={repeating} onClose={() => setRepeating(false)} seriesId={current?.id ?? null} />
    </Flex>
  );
}
