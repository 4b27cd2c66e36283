import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { memo, useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useCase } from '../cases/queries';
import { useTranscripts, type Transcript } from '../transcripts/queries';
import { NewEvidenceModal, type PassageSelection } from './NewEvidenceModal';
import { useReading, type Reading, type ReadingPassage } from './queries';
import { rangeOf, segments, selectionOffsets, sentenceAt, sentenceBounds, sentenceRange, stepSentences, type SentenceKey, type SentenceSpan } from './selection';

const route = getRouteApi('/cases/$caseId/testimonies/$testimonyId/reader');

/**
 * The transcript reader: the original and a translation side by side, each as the text this
 * member may read (the original with identity clearance, otherwise the approved redaction),
 * existing passages highlighted. Selecting text offers "new evidence": the passage is recorded on
 * exactly the text shown and linked to an element of a crime.
 */
export function ReaderPage() {
  const { t, i18n } = useTranslation();
  const { caseId, testimonyId } = route.useParams();
  const kase = useCase(caseId);
  const transcripts = useTranscripts(caseId, testimonyId);
  const [selection, setSelection] = useState<PassageSelection | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const languageName = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'language' }), [i18n.language]);
  const columns = useMemo(() => {
    const list = transcripts.data ?? [];
    const original = list.find((x) => x.kind === 'original');
    return [original, ...list.filter((x) => x.kind === 'translation')].filter((x): x is Transcript => !!x && x.versions.length > 0);
  }, [transcripts.data]);
  const canAnalyse = kase.data ? ['lead', 'investigator', 'analyst'].includes(kase.data.myRole) : false;
  // Stable, so the memoised text does not re-render when the selection changes.
  const openNewEvidence = useCallback(() => setCreating(true), []);

  return (
    <Stack>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/cases/$caseId/testimonies/$testimonyId" params={{ caseId, testimonyId }} />}>
        {t('reader.backToTestimony')}
      </Anchor>
      <PageTitle title={t('reader.title')} />
      <Text c="dimmed">{t(canAnalyse ? 'reader.intro' : 'reader.introReadOnly')}</Text>
      {transcripts.error && <ErrorAlert error={transcripts.error} />}
      {transcripts.isPending && <Loader aria-label={t('common.loading')} />}
      {transcripts.data && columns.length === 0 && <Text>{t('reader.noTranscripts')}</Text>}
      {created && (
        <Alert color="green" variant="light" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setCreated(null)}>
          {t('reader.created', { code: created })}
        </Alert>
      )}
      {selection && canAnalyse && (
        <Paper withBorder p="sm" shadow="xs" pos="sticky" top={60} style={{ zIndex: 2 }} aria-label={t('reader.selectionLabel')} role="region">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" lineClamp={2} aria-live="polite">
              {t('reader.selected', { n: new Intl.NumberFormat(i18n.language).format(selection.end - selection.start) })} “{selection.quote}”
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Button variant="default" onClick={() => setSelection(null)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => setCreating(true)}>{t('reader.newEvidence')}</Button>
            </Group>
          </Group>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, md: columns.length > 1 ? 2 : 1 }}>
        {columns.map((transcript) => (
          <ReaderColumn
            key={transcript.id}
            caseId={caseId}
            transcript={transcript}
            languageName={languageName.of(transcript.language) ?? transcript.language}
            onSelect={canAnalyse ? setSelection : undefined}
            onActivate={canAnalyse ? openNewEvidence : undefined}
          />
        ))}
      </SimpleGrid>
      {selection && creating && (
        <NewEvidenceModal
          caseId={caseId}
          selection={selection}
          onClose={() => setCreating(false)}
          onCreated={(code) => {
            setCreating(false);
            setSelection(null);
            window.getSelection()?.removeAllRanges();
            setCreated(code);
          }}
        />
      )}
    </Stack>
  );
}

function ReaderColumn({ caseId, transcript, languageName, onSelect, onActivate }: { caseId: string; transcript: Transcript; languageName: string; onSelect?: (s: PassageSelection | null) => void; onActivate?: () => void }) {
  const { t } = useTranslation();
  const hintId = useId();
  const latest = transcript.versions[transcript.versions.length - 1]!;
  const reading = useReading(caseId, latest.id);
  const heading = t(transcript.kind === 'original' ? 'reader.originalIn' : 'reader.translationIn', { language: languageName });
  const noRedaction = reading.error instanceof ApiError && reading.error.status === 409;
  return (
    <Paper withBorder p="md" component="section" aria-label={heading}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {heading}
          </Title>
          <Group gap="xs">
            <Badge variant="light">{t('reader.versionN', { version: String(latest.version) })}</Badge>
            {reading.data && (
              <Badge color={reading.data.view === 'original' ? 'violet' : 'green'} variant="light">
                {reading.data.view === 'original' ? t('reader.viewOriginal') : t('reader.viewRedacted', { profile: reading.data.profile ?? '' })}
              </Badge>
            )}
          </Group>
        </Group>
        {reading.isPending && <Loader aria-label={t('common.loading')} />}
        {noRedaction && (
          <Alert color="yellow" variant="light" title={t('reader.noRedaction.title')}>
            {t('reader.noRedaction.body')}
          </Alert>
        )}
        {reading.error && !noRedaction && <ErrorAlert error={reading.error} />}
        {reading.data && onSelect && (
          <Text size="xs" c="dimmed" id={hintId}>
            {t('reader.keyboardHint')}
          </Text>
        )}
        {reading.data && <ReadingText reading={reading.data} label={t('reader.textOf', { language: languageName })} hintId={onSelect ? hintId : undefined} onSelect={onSelect} onActivate={onActivate} />}
        {reading.data && <PassageList caseId={caseId} passages={reading.data.passages} language={languageName} />}
      </Stack>
    </Paper>
  );
}

/**
 * The text, cut only at passage boundaries (a few nodes, not one per character), in a container
 * that holds nothing but the text: DOM selections map to offsets with Range.toString().
 */
const ReadingText = memo(function ReadingText({ reading, label, hintId, onSelect, onActivate }: { reading: Reading; label: string; hintId?: string; onSelect?: (s: PassageSelection | null) => void; onActivate?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const pieces = useMemo(() => segments(reading.text.length, reading.passages), [reading.text, reading.passages]);
  // Sentence boundaries, computed on the first keyboard selection only.
  const bounds = useRef<number[] | null>(null);
  const span = useRef<SentenceSpan | null>(null);
  const report = useCallback(() => {
    if (!onSelect || !ref.current) return;
    const offsets = selectionOffsets(ref.current, window.getSelection());
    if (!offsets) return;
    onSelect({
      transcriptVersionId: reading.transcriptVersionId,
      redactionId: reading.view === 'redacted' ? (reading.redactionId ?? undefined) : undefined,
      start: offsets.start,
      end: offsets.end,
      quote: reading.text.slice(offsets.start, offsets.end),
    });
  }, [onSelect, reading]);
  /**
   * Keyboard selection (documented in reader.keyboardHint): Alt+↓ / Alt+↑ select the next /
   * previous sentence, Alt+Shift+↓ / Alt+Shift+↑ add / drop a sentence at the end, Enter opens
   * "New evidence" for the selection, Escape clears it. It sets the page's own selection, so a
   * mouse selection can be continued from the keyboard and the other way round.
   */
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>) => {
    const container = ref.current;
    if (!onSelect || !container) return;
    const selection = window.getSelection();
    const offsets = selectionOffsets(container, selection);
    if (event.key === 'Enter' && offsets && onActivate) {
      event.preventDefault();
      onActivate();
      return;
    }
    if (event.key === 'Escape' && offsets) {
      selection?.removeAllRanges();
      span.current = null;
      onSelect(null);
      return;
    }
    if (!event.altKey || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    event.preventDefault();
    const b = (bounds.current ??= sentenceBounds(reading.text, reading.language));
    let current = span.current;
    if (offsets) {
      const mine = current ? sentenceRange(reading.text, b, current.first, current.last) : null;
      if (!mine || mine.start !== offsets.start || mine.end !== offsets.end) current = { first: sentenceAt(b, offsets.start), last: sentenceAt(b, offsets.end - 1) };
    } else {
      current = null;
    }
    const key: SentenceKey = event.shiftKey ? (event.key === 'ArrowDown' ? 'extend' : 'shrink') : event.key === 'ArrowDown' ? 'next' : 'previous';
    const next = stepSentences(b.length - 1, current, key);
    span.current = next;
    const { start, end } = sentenceRange(reading.text, b, next.first, next.last);
    const range = rangeOf(container, start, end);
    selection?.removeAllRanges();
    selection?.addRange(range);
    // Keep the end of the selection in view inside the scrolling text.
    const at = range.getBoundingClientRect();
    const box = container.getBoundingClientRect();
    if (at.bottom > box.bottom || at.top < box.top) container.scrollTop += (event.key === 'ArrowDown' && event.shiftKey ? at.bottom - box.bottom + 24 : at.top - box.top - 24);
    report();
  }, [onSelect, onActivate, reading, report]);
  return (
    <div
      ref={ref}
      role="document"
      aria-label={label}
      aria-describedby={hintId}
      lang={reading.language}
      tabIndex={0}
      data-testid="reader-text"
      onMouseUp={report}
      onKeyUp={report}
      onKeyDown={onSelect ? onKeyDown : undefined}
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: '70vh', overflowY: 'auto', lineHeight: 1.7, padding: 4 }}
    >
      {pieces.map((piece) =>
        piece.passages.length === 0 ? (
          reading.text.slice(piece.start, piece.end)
        ) : (
          <mark key={piece.start} data-passages={piece.passages.map((i) => reading.passages[i]?.code).join(' ')} title={piece.passages.map((i) => reading.passages[i]?.code).join(', ')} style={{ backgroundColor: piece.passages.length > 1 ? '#ffd8a8' : '#fff3bf', color: 'inherit' }}>
            {reading.text.slice(piece.start, piece.end)}
          </mark>
        ),
      )}
    </div>
  );
});

function PassageList({ caseId, passages, language }: { caseId: string; passages: ReadingPassage[]; language: string }) {
  const { t } = useTranslation();
  if (!passages.length) return <Text size="sm" c="dimmed">{t('reader.noPassages')}</Text>;
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('reader.passagesOf', { language })}>
      {passages.map((p) => (
        <li key={p.itemId}>
          <Group gap="xs">
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/cases/$caseId/evidence/$itemId" params={{ caseId, itemId: p.itemId }} />}>
              {p.code}
            </Anchor>
            <Text size="sm">{p.title}</Text>
            <Text size="xs" c="dimmed">
              {t('reader.linkCounts', { links: String(p.links), reviewed: String(p.reviewedLinks) })}
            </Text>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
