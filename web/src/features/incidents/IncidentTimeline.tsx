import { Anchor, Text, Timeline } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatIncidentDate } from './dates';
import { useViolationTypes, violationLabel, type Incident } from './queries';

/**
 * Incidents as a timeline, in the order given (callers ask the API for `sort=date`: oldest first,
 * by earliest possible day). Each date is shown at its own precision; a range shows as a range.
 */
export function IncidentTimeline({ caseId, incidents }: { caseId: string; incidents: readonly Incident[] }) {
  const { t, i18n } = useTranslation();
  const types = useViolationTypes();
  const labels = (i: Incident) => i.violationTypes.map((c) => violationLabel(types.data?.items, c, i18n.language));
  return (
    <Timeline bulletSize={14} lineWidth={2} aria-label={t('incidents.timelineLabel')} component="ol">
      {incidents.map((i) => (
        <Timeline.Item
          key={i.id}
          component="li"
          title={
            <Anchor fw={600} renderRoot={(props) => <Link {...props} to="/cases/$caseId/incidents/$incidentId" params={{ caseId, incidentId: i.id }} />}>
              {i.code} · {i.title}
            </Anchor>
          }
        >
          <Text size="sm" fw={500} data-testid="timeline-date">
            {formatIncidentDate(i.date, i18n.language, t)}
          </Text>
          <Text size="sm" c="dimmed">
            {[i.place?.name, ...labels(i)].filter(Boolean).join(' · ')}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
