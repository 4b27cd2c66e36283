import { Anchor, Badge, Breadcrumbs, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { formatIncidentDate, formatPartialDate } from '../incidents/dates';
import { usePerpetrator, usePerpetratorIncidents } from './queries';

const route = getRouteApi('/cases/$caseId/perpetrators/$perpetratorId');

/** A unit (its chain up to the top) or an individual (positions over time, each with its chain); the incidents naming it. */
export function PerpetratorPage() {
  const { t, i18n } = useTranslation();
  const { caseId, perpetratorId } = route.useParams();
  const p = usePerpetrator(caseId, perpetratorId);
  const incidents = usePerpetratorIncidents(caseId, perpetratorId);
  if (p.isPending) return <Loader aria-label={t('common.loading')} />;
  if (p.error) return <ErrorAlert error={p.error} />;
  const d = p.data;
  const when = (v: string | null | undefined) => (v ? formatPartialDate(v, i18n.language) : '…');
  const unitLink = (u: { id: string; name: string }) => (
    <Anchor key={u.id} renderRoot={(props) => <Link {...props} to="/cases/$caseId/perpetrators/$perpetratorId" params={{ caseId, perpetratorId: u.id }} />}>{u.name}</Anchor>
  );
  return (
    <Stack mt="md" gap="md">
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/cases/$caseId/perpetrators" params={{ caseId }} />}>
        {t('perpetrators.backToList')}
      </Anchor>
      <Group gap="sm">
        <Title order={2}>{d.kind === 'unit' ? d.name : d.code}</Title>
        {d.nameHangul && <Text size="lg">{d.nameHangul}</Text>}
        <Badge variant="outline" color="dark">{d.kind === 'unit' && d.unitType ? t(`perpetrators.unitTypes.${d.unitType}`) : t(`perpetrators.kinds.${d.kind}`)}</Badge>
      </Group>
      {d.aliases.length > 0 && <Text size="sm">{t('perpetrators.aliases')}: {d.aliases.join(', ')}</Text>}
      {d.description && <Text>{d.description}</Text>}
      {d.kind === 'unit' && d.chains[0] && d.chains[0].units.length > 0 && (
        <SectionCard order={3} title={t('perpetrators.chain')}>
          <nav aria-label={t('perpetrators.chain')}>
            <Breadcrumbs separator="›">
              {[...d.chains[0].units].reverse().map(unitLink)}
              <Text span>{d.name}</Text>
            </Breadcrumbs>
          </nav>
        </SectionCard>
      )}
      {d.kind === 'individual' && (
        <SectionCard order={3} title={t('perpetrators.positions')}>
          {d.positions.length === 0 ? (
            <Text size="sm" c="dimmed">{t('perpetrators.noPositions')}</Text>
          ) : (
            <Table aria-label={t('perpetrators.positions')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('perpetrators.period')}</Table.Th>
                  <Table.Th>{t('perpetrators.positionTitle')}</Table.Th>
                  <Table.Th>{t('perpetrators.rank')}</Table.Th>
                  <Table.Th>{t('perpetrators.unit')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...d.positions].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? '')).map((x) => {
                  const chain = d.chains.find((c) => c.positionId === x.id);
                  return (
                    <Table.Tr key={x.id}>
                      <Table.Td>{t('perpetrators.periodValue', { from: when(x.from), to: when(x.to) })}</Table.Td>
                      <Table.Td>{x.title}</Table.Td>
                      <Table.Td>{x.rank ?? '—'}</Table.Td>
                      <Table.Td>
                        {chain && chain.units.length > 0 ? <Breadcrumbs separator="›">{[...chain.units].reverse().map(unitLink)}</Breadcrumbs> : (x.unit?.name ?? '—')}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </SectionCard>
      )}
      <SectionCard order={3} title={t('perpetrators.incidents', { n: String(d.incidentCount) })}>
        {incidents.error && <ErrorAlert error={incidents.error} />}
        {incidents.data && incidents.data.items.length === 0 && <Text size="sm" c="dimmed">{t('perpetrators.noIncidents')}</Text>}
        {incidents.data && incidents.data.items.length > 0 && (
          <Table aria-label={t('perpetrators.incidents', { n: String(d.incidentCount) })}>
            <Table.Tbody>
              {incidents.data.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{formatIncidentDate(i.date, i18n.language, t)}</Table.Td>
                  <Table.Td>
                    <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/incidents/$incidentId" params={{ caseId, incidentId: i.id }} />}>{i.code} · {i.title}</Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </SectionCard>
    </Stack>
  );
}
