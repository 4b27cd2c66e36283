import { Anchor, Badge, Button, Group, Loader, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListDownloadButtons } from '../../components/ListDownloadButtons';
import { useCase } from '../cases/queries';
import { formatIncidentDate } from './dates';
import { IncidentTimeline } from './IncidentTimeline';
import { useIncidents, useViolationTypes, violationLabel, type Incident } from './queries';

const route = getRouteApi('/cases/$caseId/incidents');

/** The incidents of a case: a table, or the case's timeline (oldest first; a range shows as a range). */
export function IncidentsTab() {
  const { t, i18n } = useTranslation();
  const { caseId } = route.useParams();
  const [view, setView] = useState<'list' | 'timeline'>('list');
  const incidents = useIncidents(caseId, { sort: view === 'timeline' ? 'date' : '-createdAt', limit: 200 });
  const types = useViolationTypes();
  const kase = useCase(caseId);
  const labels = (i: Incident) => i.violationTypes.map((c) => violationLabel(types.data?.items, c, i18n.language));

  return (
    <Stack mt="md" gap="md">
      <Group justify="space-between">
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as 'list' | 'timeline')}
          data={[{ value: 'list', label: t('incidents.views.list') }, { value: 'timeline', label: t('incidents.views.timeline') }]}
          aria-label={t('incidents.views.label')}
        />
        <Group gap="sm">
          <ListDownloadButtons caseId={caseId} list="incidents" filters={{ sort: view === 'timeline' ? 'date' : '-createdAt' }} cleared={Boolean(kase.data?.myIdentityClearance)} />
          <Button renderRoot={(props) => <Link {...props} to="/cases/$caseId/incidents/new" params={{ caseId }} />}>{t('incidents.new')}</Button>
        </Group>
      </Group>
      {incidents.error && <ErrorAlert error={incidents.error} />}
      {incidents.isPending && <Loader aria-label={t('common.loading')} />}
      {incidents.data && incidents.data.items.length === 0 && <Text c="dimmed">{t('incidents.none')}</Text>}
      {incidents.data && incidents.data.items.length > 0 && view === 'list' && (
        <Table withTableBorder striped aria-label={t('incidents.listLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('incidents.fields.code')}</Table.Th>
              <Table.Th>{t('incidents.fields.title')}</Table.Th>
              <Table.Th>{t('incidents.fields.date')}</Table.Th>
              <Table.Th>{t('incidents.fields.place')}</Table.Th>
              <Table.Th>{t('incidents.fields.violationTypes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {incidents.data.items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.code}</Table.Td>
                <Table.Td>
                  <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/incidents/$incidentId" params={{ caseId, incidentId: i.id }} />}>{i.title}</Anchor>
                </Table.Td>
                <Table.Td>{formatIncidentDate(i.date, i18n.language, t)}</Table.Td>
                <Table.Td>{i.place?.name ?? '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {labels(i).map((l) => (
                      <Badge key={l} variant="light" color="dark">{l}</Badge>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {incidents.data && incidents.data.items.length > 0 && view === 'timeline' && (
        <IncidentTimeline caseId={caseId} incidents={incidents.data.items} />
      )}
    </Stack>
  );
}
