import { Loader, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { IncidentTimeline } from '../incidents/IncidentTimeline';
import { useIncidents } from '../incidents/queries';
import { IncidentMap } from './IncidentMap';
import { StatisticsCounts } from './StatisticsCounts';

const route = getRouteApi('/cases/$caseId/statistics');
const TIMELINE_LIMIT = 200;

/** A case's statistics: counts with small cells withheld, the timeline of its incidents, and the map. */
export function StatisticsTab() {
  const { t } = useTranslation();
  const { caseId } = route.useParams();
  const incidents = useIncidents(caseId, { sort: 'date', limit: TIMELINE_LIMIT });
  return (
    <Stack mt="md" gap="lg">
      <StatisticsCounts caseId={caseId} />
      <SectionCard title={t('statistics.timeline')}>
        {incidents.error && <ErrorAlert error={incidents.error} />}
        {incidents.isPending && <Loader aria-label={t('common.loading')} />}
        {incidents.data && incidents.data.items.length === 0 && <Text c="dimmed">{t('incidents.none')}</Text>}
        {incidents.data && incidents.data.items.length > 0 && <IncidentTimeline caseId={caseId} incidents={incidents.data.items} />}
        {incidents.data && incidents.data.total > incidents.data.items.length && (
          <Text size="sm" mt="sm">
            {t('statistics.timelineFirst', { shown: String(incidents.data.items.length), total: String(incidents.data.total) })}
          </Text>
        )}
      </SectionCard>
      <IncidentMap caseId={caseId} />
    </Stack>
  );
}
