import { Anchor, Badge, Button, Group, List, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { perpetratorLabel } from '../perpetrators/queries';
import { formatIncidentDate } from './dates';
import { useIncident, useViolationTypes, violationLabel } from './queries';
import { VictimsSection } from './VictimsSection';

const route = getRouteApi('/cases/$caseId/incidents/$incidentId');

/** One incident: when, where, what, to whom, by whom (with involvement and confidence), from which testimony passages. */
export function IncidentPage() {
  const { t, i18n } = useTranslation();
  const { caseId, incidentId } = route.useParams();
  const incident = useIncident(caseId, incidentId);
  const types = useViolationTypes();
  const fmt = new Intl.NumberFormat(i18n.language);

  if (incident.isPending) return <Loader aria-label={t('common.loading')} />;
  if (incident.error) return <ErrorAlert error={incident.error} />;
  const i = incident.data;
  return (
    <Stack mt="md" gap="md">
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/cases/$caseId/incidents" params={{ caseId }} />}>
        {t('incidents.backToList')}
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>
          {i.code} · {i.title}
        </Title>
        <Button variant="default" renderRoot={(props) => <Link {...props} to="/cases/$caseId/incidents/$incidentId/edit" params={{ caseId, incidentId }} />}>
          {t('incidents.edit')}
        </Button>
      </Group>
      {i.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{i.description}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <div>
          <Text size="sm" c="dimmed">{t('incidents.fields.date')}</Text>
          <Text data-testid="incident-date">{formatIncidentDate(i.date, i18n.language, t)}</Text>
          <Text size="xs" c="dimmed">{t(`incidents.date.precisions.${i.date.precision}`)}</Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">{t('incidents.fields.place')}</Text>
          <Text data-testid="incident-place">{i.place?.name ?? '—'}</Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">{t('incidents.fields.violationTypes')}</Text>
          <Group gap={4}>
            {i.violationTypes.map((c) => (
              <Badge key={c} variant="light" color="dark">{violationLabel(types.data?.items, c, i18n.language)}</Badge>
            ))}
          </Group>
        </div>
      </SimpleGrid>
      <VictimsSection caseId={caseId} incident={i} />
      <SectionCard order={3} title={t('incidents.fields.perpetrators')}>
        {i.perpetrators.length === 0 ? (
          <Text size="sm" c="dimmed">{t('incidents.noPerpetrators')}</Text>
        ) : (
          <Table aria-label={t('incidents.fields.perpetrators')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('perpetrators.perpetrator')}</Table.Th>
                <Table.Th>{t('incidents.involvement')}</Table.Th>
                <Table.Th>{t('incidents.confidence')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {i.perpetrators.map((p) => (
                <Table.Tr key={p.perpetrator.id}>
                  <Table.Td>
                    <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/perpetrators/$perpetratorId" params={{ caseId, perpetratorId: p.perpetrator.id }} />}>{perpetratorLabel(p.perpetrator)}</Anchor>
                  </Table.Td>
                  <Table.Td>{t(`incidents.involvements.${p.involvement}`)}</Table.Td>
                  <Table.Td>{t(`incidents.confidences.${p.confidence}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </SectionCard>
      <SectionCard order={3} title={t('incidents.fields.sources')}>
        {i.sources.length === 0 ? (
          <Text size="sm" c="dimmed">{t('incidents.noSources')}</Text>
        ) : (
          <List>
            {i.sources.map((s) => (
              <List.Item key={s.testimonyId}>
                <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/testimonies/$testimonyId" params={{ caseId, testimonyId: s.testimonyId }} />}>{t('incidents.testimonyOf', { code: s.intervieweeCode })}</Anchor>
                {s.passage && <Text span size="sm" c="dimmed"> — {t('incidents.passage', { start: fmt.format(s.passage.start), end: fmt.format(s.passage.end) })}</Text>}
              </List.Item>
            ))}
          </List>
        )}
      </SectionCard>
    </Stack>
  );
}
