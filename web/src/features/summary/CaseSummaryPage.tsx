import { Alert, Anchor, Button, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useCase } from '../cases/queries';
import { formatIncidentDate } from '../incidents/dates';
import { useViolationTypes, violationLabel } from '../incidents/queries';
import { STATUS_LOOK } from '../matrix/status-look';
import { useMatrix, useRomeStatuteId } from '../matrix/queries';
import { useSummaryCounts, useSummaryIncidents, type LinkStatus } from './queries';
import { caseCode, incidentTimeline, peopleByKind, summariseMatrix, SUMMARY_STATUSES } from './summary';
import './summary-print.css';

const route = getRouteApi('/cases/$caseId/summary');
const LINK_STATUSES: readonly LinkStatus[] = ['proposed', 'reviewed', 'returned'];
const cell = { padding: '2px 6px' };

/**
 * One page per case that a lead prints or saves as PDF: counts, the matrix by crime under the
 * case's standard of proof, and the incident timeline. Pseudonym codes only, even for a lead
 * cleared for identities: nothing on it is read from an identity, and no free text is shown.
 */
export function CaseSummaryPage() {
  const { t } = useTranslation();
  const { caseId } = route.useParams();
  const kase = useCase(caseId);
  if (kase.isPending) return <Loader aria-label={t('common.loading')} />;
  if (kase.error) return <ErrorAlert error={kase.error} />;
  if (kase.data.myRole !== 'lead') return <Alert color="gray">{t('summary.leadsOnly')}</Alert>;
  return <Summary caseId={caseId} title={kase.data.title} />;
}

function Summary({ caseId, title }: { caseId: string; title: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [printedAt] = useState(() => new Date());
  const counts = useSummaryCounts(caseId, true);
  const incidents = useSummaryIncidents(caseId, true);
  const frameworkId = useRomeStatuteId();
  const matrix = useMatrix(caseId, frameworkId.data, {});
  const types = useViolationTypes();
  const number = new Intl.NumberFormat(lang);
  const n = (value: number) => number.format(value);
  const matrixSummary = useMemo(() => (matrix.data ? summariseMatrix(matrix.data.crimes, lang) : null), [matrix.data, lang]);
  const timeline = useMemo(() => (incidents.data ? incidentTimeline(incidents.data) : null), [incidents.data]);
  const error = counts.error ?? incidents.error ?? frameworkId.error ?? matrix.error ?? types.error;
  const code = caseCode(caseId);

  return (
    <Stack gap="md" maw="210mm" data-print-summary="">
      <Group data-print-hide="">
        <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/cases/$caseId" params={{ caseId }} />}>
          {t('summary.back')}
        </Anchor>
      </Group>
      <div>
        <PageTitle
          title={t('summary.heading', { title })}
          actions={
            <Button data-print-hide="" onClick={() => window.print()}>
              {t('summary.print')}
            </Button>
          }
        />
        <Group gap="xl" mt={-8}>
          <Meta label={t('summary.caseCode')} testId="summary-case-code">
            {code}
          </Meta>
          <Meta label={t('summary.printed')} testId="summary-printed">
            {new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(printedAt)}
          </Meta>
          {matrix.data && (
            <Meta label={t('summary.standard')} testId="summary-standard">
              {t(`matrix.standards.${matrix.data.standardOfProof.code}`)}
            </Meta>
          )}
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {t('summary.noIdentity')}
        </Text>
      </div>
      {error && <ErrorAlert error={error} />}

      <SimpleGrid cols={2} spacing="md">
        <section aria-labelledby="summary-counts" data-print-keep="">
          <SectionTitle id="summary-counts">{t('summary.counts.heading')}</SectionTitle>
          {counts.isPending || incidents.isPending ? (
            <Loader size="sm" aria-label={t('common.loading')} />
          ) : counts.data && incidents.data ? (
            <Table aria-labelledby="summary-counts" withTableBorder verticalSpacing={2} fz="sm">
              <Table.Tbody>
                <CountRow label={t('summary.counts.testimonies')} value={n(counts.data.testimonies)} testId="count-testimonies" />
                <CountRow label={t('summary.counts.people')} value={n(counts.data.people.length)} testId="count-people" />
                <CountRow label={t('summary.counts.incidents')} value={n(incidents.data.length)} testId="count-incidents" />
                <CountRow label={t('summary.counts.evidenceItems')} value={n(counts.data.evidenceItems)} testId="count-evidence" />
                {LINK_STATUSES.map((s) => (
                  <CountRow key={s} label={t(`summary.links.${s}`)} value={n(counts.data.links[s])} testId={`count-links-${s}`} />
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </section>
        <section aria-labelledby="summary-people" data-print-keep="">
          <SectionTitle id="summary-people">{t('summary.people.heading')}</SectionTitle>
          {counts.data &&
            (counts.data.people.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('summary.people.none')}
              </Text>
            ) : (
              <Table aria-labelledby="summary-people" withTableBorder verticalSpacing={2} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th style={cell}>{t('summary.people.role')}</Table.Th>
                    <Table.Th style={cell}>{t('summary.people.count')}</Table.Th>
                    <Table.Th style={cell}>{t('summary.people.codes')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {peopleByKind(counts.data.people).map((g) => (
                    <Table.Tr key={g.kind} data-testid={`people-${g.kind}`}>
                      <Table.Th scope="row" style={cell}>
                        {t(`people.kinds.${g.kind}`)}
                      </Table.Th>
                      <Table.Td style={cell}>{n(g.codes.length)}</Table.Td>
                      <Table.Td style={{ ...cell, overflowWrap: 'anywhere' }} data-testid={`people-codes-${g.kind}`}>
                        {g.codes.join(', ')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ))}
        </section>
      </SimpleGrid>

      <section aria-labelledby="summary-matrix" data-print-keep="">
        <SectionTitle id="summary-matrix">{t('summary.matrix.heading')}</SectionTitle>
        {frameworkId.data === null && <Text size="sm">{t('matrix.noFramework')}</Text>}
        {matrix.isPending && frameworkId.data !== null && <Loader size="sm" aria-label={t('common.loading')} />}
        {matrixSummary && (
          <>
            {matrixSummary.crimes.length === 0 ? (
              <Text size="sm">{t('summary.matrix.noneLinked')}</Text>
            ) : (
              <Table aria-labelledby="summary-matrix" withTableBorder verticalSpacing={2} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th style={cell}>{t('matrix.crime')}</Table.Th>
                    {SUMMARY_STATUSES.map((s) => (
                      <Table.Th key={s} style={{ ...cell, textAlign: 'right', background: STATUS_LOOK[s].bg }}>
                        <span aria-hidden>{STATUS_LOOK[s].icon} </span>
                        {t(`matrix.status.${s}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {matrixSummary.crimes.map((c) => (
                    <Table.Tr key={c.id} data-testid={`matrix-${c.code}`}>
                      <Table.Th scope="row" style={{ ...cell, fontWeight: 500 }}>
                        <Text span size="xs" c="dimmed">
                          {c.code}
                        </Text>{' '}
                        {c.title}
                      </Table.Th>
                      {SUMMARY_STATUSES.map((s) => (
                        <Table.Td key={s} style={{ ...cell, textAlign: 'right' }} data-status={s}>
                          {n(c.counts[s])}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr data-testid="matrix-totals">
                    <Table.Th scope="row" style={cell}>
                      {t('summary.matrix.total', { elements: n(matrixSummary.totals.elements) })}
                    </Table.Th>
                    {SUMMARY_STATUSES.map((s) => (
                      <Table.Td key={s} style={{ ...cell, textAlign: 'right', fontWeight: 600 }} data-status={s}>
                        {n(matrixSummary.totals[s])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            )}
            {matrixSummary.withoutEvidence.crimes > 0 && (
              <Text size="sm" mt={4} data-testid="matrix-without-evidence">
                {t('summary.matrix.withoutEvidence', { crimes: n(matrixSummary.withoutEvidence.crimes), elements: n(matrixSummary.withoutEvidence.elements) })}
              </Text>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="summary-timeline">
        <SectionTitle id="summary-timeline">{t('summary.timeline.heading')}</SectionTitle>
        {incidents.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
        {timeline && timeline.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('summary.timeline.none')}
          </Text>
        )}
        {timeline && timeline.length > 0 && (
          <ol aria-labelledby="summary-timeline" style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
            {timeline.map((e) => (
              <li key={e.id} data-testid="summary-incident" style={{ display: 'grid', gridTemplateColumns: '13em 1fr', gap: '0 12px', padding: '3px 0', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                <Text size="sm" fw={600} data-testid="summary-incident-date">
                  {formatIncidentDate(e.date, lang, t)}
                </Text>
                <Text size="sm">
                  <Text span fw={600}>
                    {e.code}
                  </Text>
                  {' · '}
                  {[e.place, e.violationTypes.map((v) => violationLabel(types.data?.items, v, lang)).join(', ')].filter(Boolean).join(' · ')}
                  {(e.victimCodes.length > 0 || e.groupVictims > 0) && (
                    <>
                      {' · '}
                      {t('summary.timeline.victims', { victims: [...e.victimCodes, ...(e.groupVictims > 0 ? [t('summary.timeline.group', { n: n(e.groupVictims) })] : [])].join(', ') })}
                    </>
                  )}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({t(`incidents.date.precisions.${e.date.precision}`)})
                  </Text>
                </Text>
              </li>
            ))}
          </ol>
        )}
      </section>
      <Text size="xs" c="dimmed" ta="center">
        {t('summary.footer', { code, date: new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(printedAt) })}
      </Text>
    </Stack>
  );
}

function SectionTitle({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Title order={2} size="h4" id={id} mb={6}>
      {children}
    </Title>
  );
}

function Meta({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <Text size="sm">
      <Text span c="dimmed">
        {label}:{' '}
      </Text>
      <Text span fw={600} data-testid={testId}>
        {children}
      </Text>
    </Text>
  );
}

function CountRow({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" style={{ ...cell, fontWeight: 400 }}>
        {label}
      </Table.Th>
      <Table.Td style={{ ...cell, textAlign: 'right', fontWeight: 600 }} data-testid={testId}>
        {value}
      </Table.Td>
    </Table.Tr>
  );
}
