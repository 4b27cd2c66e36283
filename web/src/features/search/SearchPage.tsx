import { Anchor, Badge, Button, Card, Checkbox, Group, Loader, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useMyCases } from '../cases/queries';
import { formatPartialDate } from '../incidents/dates';
import { useViolationTypes, violationLabel } from '../incidents/queries';
import { PlaceSelect, type PickedPlace } from '../places/PlaceSelect';
import { perpetratorLabel, usePerpetrators } from '../perpetrators/queries';
import { SEARCH_KINDS, useElementOptions, useRawSearch, useSearch, type SearchFilters, type SearchHit, type SearchKind } from './queries';
import { snippetParts } from './snippet';

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Matches in a snippet, as text (never HTML). */
function Snippet({ snippet }: { snippet: string }) {
  return (
    <Text size="sm" data-testid="snippet">
      {snippetParts(snippet).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </Text>
  );
}

/**
 * One box for every case I am a member of: Korean, English and any romanisation (요덕, Yodok,
 * Yoduk find the same); filters narrow it; each result opens its item. A member with identity
 * clearance on the chosen case can switch to that case's raw search, which the API audits.
 */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [caseId, setCaseId] = useState<string | null>(null);
  const [kinds, setKinds] = useState<SearchKind[]>([]);
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [place, setPlace] = useState<PickedPlace | null>(null);
  const [violationType, setViolationType] = useState<string | null>(null);
  const [elementId, setElementId] = useState<string | null>(null);
  const [perpetratorId, setPerpetratorId] = useState<string | null>(null);
  const [raw, setRaw] = useState(false);
  const cases = useMyCases();
  const types = useViolationTypes();
  const elements = useElementOptions(i18n.language);
  const perpetrators = usePerpetrators(caseId ?? '');
  const kase = cases.data?.items.find((c) => c.id === caseId);
  const cleared = !!kase?.myIdentityClearance;
  const [from] = useDebouncedValue(PARTIAL_DATE.test(dateFrom) ? dateFrom : '', 300);
  const [to] = useDebouncedValue(PARTIAL_DATE.test(dateTo) ? dateTo : '', 300);

  const filters: SearchFilters = { q: submitted, caseId: caseId ?? undefined, kinds, dateFrom: from || undefined, dateTo: to || undefined, placeId: place?.id, violationType: violationType ?? undefined, elementId: elementId ?? undefined, perpetratorId: (caseId && perpetratorId) || undefined };
  const rawMode = raw && cleared;
  const results = useSearch(rawMode ? { ...filters, q: '' } : filters);
  const rawResults = useRawSearch(caseId ?? undefined, submitted, rawMode);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(text);
  };
  const dateError = (v: string) => (v && !PARTIAL_DATE.test(v) ? t('search.dateFormat') : undefined);
  const hits = results.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageTitle title={t('search.title')} />
      <Stack gap="md">
        <form onSubmit={submit} role="search" aria-label={t('search.title')}>
          <Group align="flex-end" gap="xs">
            <TextInput label={t('search.box')} description={t('search.boxHelp')} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: 1 }} maxLength={200} />
            <Button type="submit">{t('search.go')}</Button>
          </Group>
        </form>
        <Card withBorder component="section" aria-labelledby="filters-title">
          <Title order={2} size="h5" id="filters-title" mb="xs">{t('search.filters')}</Title>
          <Checkbox.Group label={t('search.kinds')} value={kinds} onChange={(v) => setKinds(v as SearchKind[])}>
            <Group gap="md" mt={4}>
              {SEARCH_KINDS.map((k) => (
                <Checkbox key={k} value={k} label={t(`search.kindNames.${k}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mt="sm">
            <Select label={t('search.case')} placeholder={t('search.allCases')} data={(cases.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))} value={caseId} onChange={(v) => { setCaseId(v); setPerpetratorId(null); setRaw(false); }} clearable searchable />
            <TextInput label={t('search.dateFrom')} placeholder={t('incidents.date.partialPlaceholder')} value={dateFrom} onChange={(e) => setDateFrom(e.currentTarget.value.trim())} error={dateError(dateFrom)} />
            <TextInput label={t('search.dateTo')} placeholder={t('incidents.date.partialPlaceholder')} value={dateTo} onChange={(e) => setDateTo(e.currentTarget.value.trim())} error={dateError(dateTo)} />
            <PlaceSelect label={t('search.place')} value={place} onChange={setPlace} />
            <Select label={t('search.violationType')} data={(types.data?.items ?? []).map((v) => ({ value: v.code, label: i18n.language.startsWith('ko') ? v.labelKo : v.label }))} value={violationType} onChange={setViolationType} clearable searchable />
            <Select label={t('search.element')} data={elements.data ?? []} value={elementId} onChange={setElementId} clearable searchable limit={50} />
            <Select label={t('search.perpetrator')} description={caseId ? undefined : t('search.perpetratorNeedsCase')} disabled={!caseId} data={(caseId ? perpetrators.data?.items ?? [] : []).map((p) => ({ value: p.id, label: perpetratorLabel(p) }))} value={perpetratorId} onChange={setPerpetratorId} clearable searchable />
          </SimpleGrid>
          {cleared && (
            <Switch mt="md" checked={raw} onChange={(e) => setRaw(e.currentTarget.checked)} label={t('search.rawSwitch')} description={t('search.rawHelp')} />
          )}
        </Card>
        {rawMode ? (
          <RawResults caseId={caseId!} q={submitted} query={rawResults} />
        ) : (
          <section aria-label={t('search.results')}>
            {results.error && <ErrorAlert error={results.error} />}
            {results.isFetching && !results.isFetchingNextPage && <Loader size="sm" aria-label={t('common.loading')} />}
            {submitted && results.data && hits.length === 0 && <Text c="dimmed">{t('search.noResults')}</Text>}
            <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {hits.map((h) => (
                <li key={`${h.kind}:${h.id}`}>
                  <Hit hit={h} caseTitle={cases.data?.items.find((c) => c.id === h.caseId)?.title} labels={h.violationTypes.map((c) => violationLabel(types.data?.items, c, i18n.language))} onPlace={(p) => setPlace(p)} />
                </li>
              ))}
            </Stack>
            {results.hasNextPage && (
              <Button mt="sm" variant="default" onClick={() => void results.fetchNextPage()} loading={results.isFetchingNextPage}>
                {t('search.more')}
              </Button>
            )}
          </section>
        )}
      </Stack>
    </>
  );
}

function Hit({ hit: h, caseTitle, labels, onPlace }: { hit: SearchHit; caseTitle?: string; labels: string[]; onPlace: (p: PickedPlace) => void }) {
  const { t, i18n } = useTranslation();
  const title = [h.code, h.title].filter(Boolean).join(' · ');
  let heading: ReactNode = <Text fw={600}>{title}</Text>;
  if (h.caseId && h.kind === 'incident') heading = <Anchor fw={600} renderRoot={(props) => <Link {...props} to="/cases/$caseId/incidents/$incidentId" params={{ caseId: h.caseId!, incidentId: h.id }} />}>{title}</Anchor>;
  if (h.caseId && h.kind === 'testimony') heading = <Anchor fw={600} renderRoot={(props) => <Link {...props} to="/cases/$caseId/testimonies/$testimonyId" params={{ caseId: h.caseId!, testimonyId: h.id }} />}>{title}</Anchor>;
  if (h.caseId && h.kind === 'perpetrator') heading = <Anchor fw={600} renderRoot={(props) => <Link {...props} to="/cases/$caseId/perpetrators/$perpetratorId" params={{ caseId: h.caseId!, perpetratorId: h.id }} />}>{title}</Anchor>;
  const date = h.date && (h.date.earliest === h.date.latest ? (h.date.earliest ? formatPartialDate(h.date.earliest, i18n.language) : null) : t('incidents.date.rangeValue', { from: h.date.earliest ? formatPartialDate(h.date.earliest, i18n.language) : '…', to: h.date.latest ? formatPartialDate(h.date.latest, i18n.language) : '…' }));
  return (
    <Card withBorder padding="sm" data-testid="search-hit">
      <Group gap="xs" justify="space-between">
        <Group gap="xs">
          <Badge variant="light" color="dark">{t(`search.kindNames.${h.kind}`)}</Badge>
          {heading}
        </Group>
        {caseTitle && <Text size="xs" c="dimmed">{caseTitle}</Text>}
      </Group>
      <Snippet snippet={h.snippet} />
      <Group gap="xs" mt={4}>
        {date && <Text size="xs" c="dimmed">{date}</Text>}
        {labels.map((l) => (
          <Badge key={l} size="xs" variant="outline" color="dark">{l}</Badge>
        ))}
        {h.kind === 'place' && (
          <Button size="compact-xs" variant="subtle" onClick={() => onPlace({ id: h.id, label: h.title })}>
            {t('search.filterByPlace')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

function RawResults({ caseId, q, query }: { caseId: string; q: string; query: ReturnType<typeof useRawSearch> }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('search.rawResults')}>
      <Text size="sm" mb="xs" c="red.9" fw={500}>{t('search.rawAudited')}</Text>
      {q.trim().length < 2 && <Text c="dimmed">{t('search.rawMin')}</Text>}
      {query.error && <ErrorAlert error={query.error} />}
      {query.isFetching && <Loader size="sm" aria-label={t('common.loading')} />}
      {query.data && query.data.items.length === 0 && <Text c="dimmed">{t('search.noResults')}</Text>}
      <Stack gap="xs">
        {query.data?.items.map((h) => (
          <Card key={`${h.kind}:${h.id}`} withBorder padding="sm" data-testid="raw-hit">
            <Group gap="xs">
              <Badge variant="outline" color="red.9">{t(`search.rawKinds.${h.kind}`)}</Badge>
              {h.kind === 'person' ? (
                <Anchor fw={600} renderRoot={(props) => <Link {...props} to="/cases/$caseId/people/$personId" params={{ caseId, personId: h.id }} />}>{h.code}</Anchor>
              ) : h.testimonyId ? (
                <Anchor fw={600} renderRoot={(props) => <Link {...props} to="/cases/$caseId/testimonies/$testimonyId/transcripts" params={{ caseId, testimonyId: h.testimonyId! }} />}>{h.code}</Anchor>
              ) : (
                <Text fw={600}>{h.code}</Text>
              )}
              {h.matchedFields.length > 0 && <Text size="xs" c="dimmed">{h.matchedFields.join(', ')}</Text>}
            </Group>
            {h.snippet && <Snippet snippet={h.snippet} />}
          </Card>
        ))}
      </Stack>
      {query.data?.truncated && <Text size="xs" c="dimmed">{t('search.rawTruncated')}</Text>}
    </section>
  );
}
