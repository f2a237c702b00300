// Until every member has been asked for their lives once, the lives screen says how far that has
// come: WeCom lists lives one member at a time, so in a big corp lives created with this app
// elsewhere appear over hours, and an empty or short list would otherwise look complete.
import { Alert } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../format.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';

export function LivesDiscoveryNote() {
  const { t } = useTranslation('lives');
  const discovery = useServiceQuery('lives.discovery', {}, { topics: ['lives'] }).data;
  if (!discovery || discovery.members === 0 || discovery.rounds > 0) return null;
  const { members, asked, perHour } = discovery;
  const left = members - asked;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="lives-discovery"
      message={t('discovery.title', {
        asked: formatNumber(asked),
        members: formatNumber(members),
        percent: formatPercent(asked / members, 0),
      })}
      description={[
        perHour > 0 ? t('discovery.body', { perHour: formatNumber(perHour) }) : null,
        perHour > 0 && left > 0
          ? t('discovery.eta', { hours: formatNumber(Math.ceil(left / perHour)) })
          : null,
        t('discovery.rest'),
      ]
        .filter((line) => line !== null)
        .join(' ')}
      action={<Link to="/settings">{t('discovery.action')}</Link>}
    />
  );
}
