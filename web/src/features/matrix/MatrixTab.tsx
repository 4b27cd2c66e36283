import { Alert, Anchor, Badge, Box, Button, Drawer, Group, Loader, SegmentedControl, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCase } from '../cases/queries';
import { useCaseIncidents, useCasePerpetrators } from '../evidence/queries';
import { PlaceSelect, type PickedPlace } from '../places/PlaceSelect';
import { STATUS_LOOK } from './status-look';
import { csvHref, ELEMENT_STATUSES, STANDARDS, useElementLinks, useLiability, useMatrix, useRomeStatuteId, useSetStandardOfProof, useStandardOfProof, validPeriod, type CrimeRow, type ElementRow, type ElementStatus, type MatrixFilters, type StandardOfProof } from './queries';

const route = getRouteApi('/cases/$caseId/matrix');


const cellStyle = {
  display: 'inline-flex',
  flexDirection: 'column' as const,
  alignItems: 'center',
  minWidth: 46,
  padding: '2px 4px',
  margin: 2,
  border: '1px solid var(--mantine-color-gray-5)',
  borderRadius: 4,
  color: 'var(--mantine-color-black)',
  font: 'inherit',
  fontSize: 12,
  lineHeight: 1.2,
  cursor: 'pointer',
};

/** The case matrix: crimes × elements by status under the standard of proof, and perpetrator × mode × requirement. */
export function MatrixTab() {
  const { t } = useTranslation();
  const { caseId } = route.useParams();
  const [view, setView] = useState<string | null>('elements');
  const frameworkId = useRomeStatuteId();
  return (
    <Stack mt="md">
      {frameworkId.error && <ErrorAlert error={frameworkId.error} />}
      {frameworkId.data === null && <Alert color="gray">{t('matrix.noFramework')}</Alert>}
      <Tabs value={view} onChange={setView} variant="pills">
        <Tabs.List aria-label={t('matrix.viewsLabel')}>
          <Tabs.Tab value="elements">{t('matrix.views.elements')}</Tabs.Tab>
          <Tabs.Tab value="liability">{t('matrix.views.liability')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="elements" pt="md">
          {view === 'elements' && frameworkId.data && <ElementsView caseId={caseId} frameworkId={frameworkId.data} />}
        </Tabs.Panel>
        <Tabs.Panel value="liability" pt="md">
          {view === 'liability' && frameworkId.data && <LiabilityPanel caseId={caseId} frameworkId={frameworkId.data} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ElementsView({ caseId, frameworkId }: { caseId: string; frameworkId: string }) {
  const { t, i18n } = useTranslation();
  const kase = useCase(caseId);
  const incidents = useCaseIncidents(caseId);
  const perpetrators = useCasePerpetrators(caseId);
  const standard = useStandardOfProof(caseId);
  const setStandard = useSetStandardOfProof(caseId);
  const [perpetratorId, setPerpetratorId] = useState<string | null>(null);
  const [incidentId, setIncidentId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [place, setPlace] = useState<PickedPlace | null>(null);
  const [whatIf, setWhatIf] = useState<StandardOfProof | null>(null);
  const [open, setOpen] = useState<{ crime: CrimeRow; element: ElementRow } | null>(null);
  const filters: MatrixFilters = {
    perpetratorId: perpetratorId ?? undefined,
    incidentId: incidentId ?? undefined,
    from: from && validPeriod(from) ? from : undefined,
    to: to && validPeriod(to) ? to : undefined,
    placeId: place?.id,
    standardOfProof: whatIf ?? undefined,
  };
  const matrix = useMatrix(caseId, frameworkId, filters);
  const caseStandard = standard.data?.standard.code;
  const shownStandard = whatIf ?? caseStandard ?? 'reasonable_grounds';
  const isLead = kase.data?.myRole === 'lead';
  const number = new Intl.NumberFormat(i18n.language);

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
        <Select label={t('matrix.filters.perpetrator')} data={(perpetrators.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name ?? ''}`.trim() }))} value={perpetratorId} onChange={setPerpetratorId} searchable clearable nothingFoundMessage={t('reader.form.nothingFound')} />
        <Select label={t('matrix.filters.incident')} data={(incidents.data ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.title ?? ''}`.trim() }))} value={incidentId} onChange={setIncidentId} searchable clearable nothingFoundMessage={t('reader.form.nothingFound')} />
        <TextInput label={t('matrix.filters.from')} placeholder="1995" value={from} onChange={(e) => setFrom(e.currentTarget.value.trim())} error={validPeriod(from) ? undefined : t('matrix.filters.periodInvalid')} />
        <TextInput label={t('matrix.filters.to')} placeholder="1999-12" value={to} onChange={(e) => setTo(e.currentTarget.value.trim())} error={validPeriod(to) ? undefined : t('matrix.filters.periodInvalid')} />
        <PlaceSelect label={t('matrix.filters.place')} value={place} onChange={setPlace} />
      </SimpleGrid>
      <Group align="flex-end" justify="space-between">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="matrix-standard-label">
            {t('matrix.standard.label')}
          </Text>
          <SegmentedControl
            aria-labelledby="matrix-standard-label"
            value={shownStandard}
            onChange={(v) => setWhatIf(v === caseStandard ? null : (v as StandardOfProof))}
            data={STANDARDS.map((s) => ({ value: s, label: t(`matrix.standards.${s}`) }))}
          />
          <Text size="xs" c="dimmed">
            {whatIf ? t('matrix.standard.whatIf', { standard: t(`matrix.standards.${caseStandard ?? 'reasonable_grounds'}`) }) : t('matrix.standard.caseSetting')}
          </Text>
        </Stack>
        <Group>
          {isLead && whatIf && standard.data && (
            <Button variant="light" loading={setStandard.isPending} onClick={() => setStandard.mutate({ version: standard.data.version, standardOfProof: whatIf }, { onSuccess: () => setWhatIf(null) })}>
              {t('matrix.standard.set')}
            </Button>
          )}
          <Anchor href={csvHref(caseId, frameworkId, filters, 'elements')} download>
            {t('matrix.csv')}
          </Anchor>
        </Group>
      </Group>
      {setStandard.error && <ErrorAlert error={setStandard.error} />}
      {matrix.data && <Text size="sm">{i18n.language.startsWith('ko') ? matrix.data.standardOfProof.ruleKo : matrix.data.standardOfProof.rule}</Text>}
      <Legend />
      {matrix.error && <ErrorAlert error={matrix.error} />}
      {matrix.isPending && <Loader aria-label={t('common.loading')} />}
      {matrix.data && (
        <>
          <Text c="dimmed" size="sm">
            {t('matrix.totals', {
              elements: number.format(matrix.data.totals.elements),
              gaps: number.format(matrix.data.totals.elementsWithGaps),
              supported: number.format(matrix.data.totals.statuses.supported),
              links: number.format(matrix.data.totals.links),
            })}
          </Text>
          <MatrixGrid crimes={matrix.data.crimes} onOpen={(crime, element) => setOpen({ crime, element })} />
        </>
      )}
      <Drawer opened={!!open} onClose={() => setOpen(null)} position="right" size="lg" title={open ? `${open.element.code}` : ''} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {open && <CellDetail caseId={caseId} crime={open.crime} element={open.element} />}
      </Drawer>
    </Stack>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" role="list" aria-label={t('matrix.legend')}>
      {ELEMENT_STATUSES.map((s) => (
        <Group key={s} gap={6} role="listitem">
          <Box component="span" aria-hidden style={{ ...cellStyle, cursor: 'default', minWidth: 24, background: STATUS_LOOK[s].bg }}>
            {STATUS_LOOK[s].icon}
          </Box>
          <Text size="sm">{t(`matrix.status.${s}`)}</Text>
        </Group>
      ))}
      <Text size="sm" c="dimmed">
        {t('matrix.cellHint')}
      </Text>
    </Group>
  );
}

/** One table row per crime, one plain button per element (no heavy component per cell: 203 render at once). */
const MatrixGrid = memo(function MatrixGrid({ crimes, onOpen }: { crimes: CrimeRow[]; onOpen: (crime: CrimeRow, element: ElementRow) => void }) {
  const { t, i18n } = useTranslation();
  const ko = i18n.language.startsWith('ko');
  const statusText = useMemo(() => Object.fromEntries(ELEMENT_STATUSES.map((s) => [s, t(`matrix.status.${s}`)])) as Record<ElementStatus, string>, [t]);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label={t('matrix.gridLabel')} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('matrix.crime')}</Table.Th>
            <Table.Th>{t('matrix.elements')}</Table.Th>
            <Table.Th>{t('matrix.gaps')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {crimes.map((crime) => (
            <Table.Tr key={crime.id}>
              <Table.Th scope="row" style={{ fontWeight: 500, maxWidth: 260 }}>
                <Text size="xs" c="dimmed">
                  {crime.code}
                </Text>
                <Text size="sm">{ko && crime.titleKo ? crime.titleKo : crime.titleEn}</Text>
              </Table.Th>
              <Table.Td>
                {crime.elements.map((e) => (
                  <button
                    key={e.id}
                    type="button"
                    data-status={e.status}
                    aria-label={t('matrix.cellLabel', { code: e.code, status: statusText[e.status], witnesses: String(e.supporting.witnesses), documents: String(e.supporting.documents) })}
                    title={ko && e.textKo ? e.textKo : e.textEn}
                    style={{ ...cellStyle, background: STATUS_LOOK[e.status].bg, fontWeight: e.status === 'no_evidence' ? 400 : 600 }}
                    onClick={() => onOpen(crime, e)}
                  >
                    <span aria-hidden>
                      {STATUS_LOOK[e.status].icon} {e.number}
                    </span>
                    <span aria-hidden style={{ fontSize: 10 }}>
                      {e.supporting.witnesses}·{e.supporting.documents}
                    </span>
                  </button>
                ))}
              </Table.Td>
              <Table.Td>{crime.elementsWithGaps > 0 ? <Badge color="red" variant="light">{t('matrix.gapCount', { n: String(crime.elementsWithGaps) })}</Badge> : <Badge color="green" variant="light">{t('matrix.complete')}</Badge>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
});

function CellDetail({ caseId, crime, element }: { caseId: string; crime: CrimeRow; element: ElementRow }) {
  const { t, i18n } = useTranslation();
  const ko = i18n.language.startsWith('ko');
  const links = useElementLinks(caseId, element.id);
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {crime.code} {ko && crime.titleKo ? crime.titleKo : crime.titleEn}
      </Text>
      <Text>
        {element.number}. {ko && element.textKo ? element.textKo : element.textEn}
      </Text>
      <Group gap="xs">
        <Badge variant="outline" color="dark" data-testid="cell-status">
          {STATUS_LOOK[element.status].icon} {t(`matrix.status.${element.status}`)}
        </Badge>
        {element.contested && <Badge color="red">{t('matrix.contested')}</Badge>}
      </Group>
      <Text size="sm">
        {t('matrix.cellCounts', {
          links: String(element.supporting.links),
          reviewed: String(element.supporting.reviewed),
          witnesses: String(element.supporting.witnesses),
          documents: String(element.supporting.documents),
          against: String(element.undermining.links),
        })}
      </Text>
      <Title order={3} size="h5">
        {t('matrix.links')}
      </Title>
      {links.error && <ErrorAlert error={links.error} />}
      {links.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {links.data && links.data.items.length === 0 && <Text c="dimmed">{t('matrix.noLinks')}</Text>}
      {links.data && links.data.items.length > 0 && (
        <Table aria-label={t('matrix.links')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evidence.code')}</Table.Th>
              <Table.Th>{t('reader.form.relation')}</Table.Th>
              <Table.Th>{t('matrix.assessment')}</Table.Th>
              <Table.Th>{t('matrix.review')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {links.data.items.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/evidence/$itemId" params={{ caseId, itemId: l.itemId }} />}>{l.itemCode}</Anchor>
                  {l.note && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {l.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{t(`evidence.relations.${l.relation}`)}</Table.Td>
                <Table.Td>
                  {l.probativeValue} · {l.sourceReliability}
                  {l.informationCredibility}
                  {l.weak && (
                    <Badge ml={4} size="xs" color="orange" variant="light">
                      {t('matrix.status.weak')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`matrix.linkStatus.${l.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function LiabilityPanel({ caseId, frameworkId }: { caseId: string; frameworkId: string }) {
  const { t, i18n } = useTranslation();
  const ko = i18n.language.startsWith('ko');
  const liability = useLiability(caseId, frameworkId);
  if (liability.isPending) return <Loader aria-label={t('common.loading')} />;
  if (liability.error) return <ErrorAlert error={liability.error} />;
  if (liability.data.perpetrators.length === 0) return <Text c="dimmed">{t('matrix.liability.none')}</Text>;
  return (
    <Stack>
      <Anchor href={csvHref(caseId, frameworkId, {}, 'perpetrators')} download>
        {t('matrix.csvPerpetrators')}
      </Anchor>
      {liability.data.perpetrators.map((p) => (
        <Stack key={p.perpetratorId} gap="xs">
          <Title order={3} size="h4">
            {p.label}
          </Title>
          {p.modes.map((m) => (
            <Table.ScrollContainer key={m.id} minWidth={640}>
              <Table aria-label={`${p.label} · ${m.code}`} striped captionSide="top">
                <caption style={{ textAlign: 'left', fontWeight: 600 }}>
                  {m.articleRef ?? m.code} {ko && m.titleKo ? m.titleKo.text : m.titleEn} — {m.gaps > 0 ? t('matrix.gapCount', { n: String(m.gaps) }) : t('matrix.complete')}
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('matrix.liability.requirement')}</Table.Th>
                    <Table.Th>{t('matrix.liability.support')}</Table.Th>
                    <Table.Th>{t('matrix.liability.sources')}</Table.Th>
                    <Table.Th>{t('matrix.liability.gap')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {m.requirements.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Text size="xs" c="dimmed">
                          {r.code}
                        </Text>
                        <Text size="sm">{ko && r.textKo ? r.textKo.text : r.text}</Text>
                      </Table.Td>
                      <Table.Td>{t('matrix.liability.supportCounts', { links: String(r.supporting.links), reviewed: String(r.supporting.reviewed), against: String(r.undermining) })}</Table.Td>
                      <Table.Td>{r.independentSources}</Table.Td>
                      <Table.Td>
                        {r.gap ? (
                          <Text span size="sm" px={6} style={{ background: STATUS_LOOK[r.gap === 'no_evidence' ? 'no_evidence' : 'only_unreviewed'].bg, borderRadius: 4, whiteSpace: 'nowrap' }}>
                            {r.gap === 'no_evidence' ? '✕' : '?'} {t(`matrix.liability.gaps.${r.gap}`)}
                          </Text>
                        ) : (
                          <Text span size="sm" px={6} style={{ background: STATUS_LOOK.supported.bg, borderRadius: 4, whiteSpace: 'nowrap' }}>
                            ✓ {t('matrix.liability.noGap')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
