import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { StatisticsCounts } from './StatisticsCounts';

/** Statistics across every case the user is a member of (GET /statistics). */
export function StatisticsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('statistics.acrossTitle')} />
      <Text mb="md">{t('statistics.acrossExplain')}</Text>
      <StatisticsCounts caseId={null} />
    </>
  );
}
