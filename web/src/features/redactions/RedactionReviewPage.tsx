import { Alert, Anchor, Badge, Button, Group, Loader, NativeSelect, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApproveRedaction, useRedactionOriginal, useRedactionProfileLabels, useReturnRedaction, useReviewRedaction, type AddedSpan, type LogSpan, type Redaction } from './queries';
import { overlapsAny, previewText, segmentText, selectionIn } from './spans';

const route = getRouteApi('/cases/$caseId/redactions/$redactionId');
type OriginalKey = { kind: 'span'; i: number } | { kind: 'added'; i: number };

export const CATEGORIES = ['person', 'place', 'phone', 'national-id', 'email', 'date-of-birth', 'coordinates', 'handle', 'custom'] as const;
const COLOURS: Record<string, string> = { person: 'red', place: 'orange', phone: 'blue', 'national-id': 'grape', email: 'cyan', 'date-of-birth': 'pink', coordinates: 'teal', handle: 'indigo', custom: 'gray' };
const colour = (category: string) => COLOURS[category] ?? 'gray';

function markStyle(category: string, opts: { ambiguous?: boolean; removed?: boolean; added?: boolean } = {}): CSSProperties {
  const c = colour(category);
  return {
    background: opts.removed ? 'transparent' : `var(--mantine-color-${c}-1)`,
    color: 'inherit',
    borderBottom: `2px solid var(--mantine-color-${c}-8)`,
    outline: opts.ambiguous ? '2px dashed var(--mantine-color-yellow-9)' : opts.added ? '2px solid var(--mantine-color-green-8)' : undefined,
    outlineOffset: 1,
    textDecoration: opts.removed ? 'line-through' : undefined,
    borderRadius: 2,
    cursor: opts.removed !== undefined ? 'pointer' : undefined,
  };
}

const textBox: CSSProperties = { whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: 'var(--mantine-font-size-md)', lineHeight: 1.8, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, padding: 12, margin: 0, maxHeight: 560, overflow: 'auto' };

/**
 * Review of a redaction. Everyone sees the proposed (de-identified) text with every span
 * highlighted by category and the ambiguous ones outlined. A reviewer with identity clearance
 * (the API sends the full span log only to them) also sees the original beside it, removes a span
 * by clicking it and adds one by selecting words; a reviewer without it approves as proposed or
 * sends it back with a comment, and this page never asks for the original.
 */
export function RedactionReviewPage() {
  const { t } = useTranslation();
  const { caseId, redactionId } = route.useParams();
  const r = useReviewRedaction(caseId, redactionId);
  if (r.isPending) return <Loader aria-label={t('common.loading')} />;
  if (r.error) return <ErrorAlert error={r.error} />;
  return <Review key={`${r.data.id}:${r.data.version}`} caseId={caseId} redaction={r.data} />;
}

function Review({ caseId, redaction: r }: { caseId: string; redaction: Redaction }) {
  const { t, i18n } = useTranslation();
  const full = r.spanLog === 'full';
  const spans = r.spans as unknown as LogSpan[];
  const original = useRedactionOriginal(caseId, r);
  const profiles = useRedactionProfileLabels(caseId, full);
  const approve = useApproveRedaction(caseId, r.id);
  const sendBack = useReturnRedaction(caseId, r.id);
  const [removed, setRemoved] = useState<Set<number>>(new Set());
  const [added, setAdded] = useState<AddedSpan[]>([]);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [category, setCategory] = useState<AddedSpan['category']>('person');
  const [comment, setComment] = useState('');
  const [commentMissing, setCommentMissing] = useState(false);
  const originalRef = useRef<HTMLPreElement>(null);
  const open = r.status === 'proposed' || r.status === 'returned';
  const ambiguousCount = spans.filter((s) => s.ambiguous).length;

  // The selection inside the original, kept while the reviewer moves to the "redact" button.
  useEffect(() => {
    if (!full) return;
    const onChange = () => {
      const el = originalRef.current;
      if (!el) return;
      const sel = selectionIn(el, document.getSelection());
      if (sel) setSelection(sel);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [full]);

  const keptRanges = useMemo(() => spans.flatMap((s, i) => (removed.has(i) || s.start === undefined || s.end === undefined ? [] : [{ start: s.start, end: s.end }])), [spans, removed]);
  const selectionProblem = selection && overlapsAny(selection.start, selection.end, [...keptRanges, ...added]) ? t('redactions.overlaps') : null;
  const labels: Record<string, string> = profiles.data?.find((p) => p.name === r.profile)?.labels ?? {};
  const changed = removed.size > 0 || added.length > 0;
  const preview = original.data && changed
    ? previewText(original.data.text, [
        ...spans.flatMap((s, i) => (removed.has(i) || s.start === undefined || s.end === undefined ? [] : [{ start: s.start, end: s.end, replacement: s.replacement ?? null }])),
        ...added.map((a) => ({ start: a.start, end: a.end, replacement: labels[a.category] ?? `[${a.category.toUpperCase()}]` })),
      ])
    : null;

  const toggle = (i: number) => {
    const next = new Set(removed);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    setRemoved(next);
  };
  const onKey = (e: KeyboardEvent, action: () => void) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      action();
    }
  };
  const addSelection = () => {
    if (!selection || selectionProblem) return;
    setAdded([...added, { ...selection, category }]);
    setSelection(null);
    document.getSelection()?.removeAllRanges();
  };
  const categoryLabel = (c: string) => t(`redactions.categories.${c}`, { defaultValue: c });

  // The proposal: the redacted text with every span marked by category (and struck through when the reviewer removes it).
  const proposalSegments = segmentText(r.text, spans.map((s, i) => ({ start: s.outputStart, end: s.outputEnd, key: i })));
  const originalSegments = original.data
    ? segmentText<OriginalKey>(original.data.text, [
        ...spans.flatMap((s, i) => (s.start === undefined || s.end === undefined ? [] : [{ start: s.start, end: s.end, key: { kind: 'span' as const, i } }])),
        ...added.map((a, i) => ({ start: a.start, end: a.end, key: { kind: 'added' as const, i } })),
      ])
    : [];
  const fmtDate = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Stack mt="md" gap="md">
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/cases/$caseId/redactions" params={{ caseId }} />}>
        {t('redactions.backToList')}
      </Anchor>
      <Group gap="sm">
        <Title order={2}>{t('redactions.reviewTitle', { profile: t(`transcripts.redaction.profiles.${r.profile}`, { defaultValue: r.profile }) })}</Title>
        <Badge variant="outline" color="dark" data-testid="redaction-status">{t(`transcripts.redaction.statuses.${r.status}`, { defaultValue: r.status })}</Badge>
      </Group>
      <Text size="sm">{full ? t('redactions.clearedHelp') : t('redactions.unclearedHelp')}</Text>
      <Group gap="xs" aria-label={t('redactions.legend')} role="group">
        {[...new Set(spans.map((s) => s.category))].map((c) => (
          <Text key={c} span size="sm" px={6} style={markStyle(c)}>
            {categoryLabel(c)}
          </Text>
        ))}
        {ambiguousCount > 0 && (
          <Text span size="sm" px={6} style={markStyle('custom', { ambiguous: true })}>
            {t('redactions.ambiguousLegend')}
          </Text>
        )}
      </Group>
      {ambiguousCount > 0 && (
        <Alert color="yellow" variant="light" title={t('redactions.ambiguousTitle', { n: String(ambiguousCount) })}>
          {t('redactions.ambiguousHelp')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: full ? 2 : 1 }}>
        {full && (
          <Stack gap={4} component="section" aria-labelledby="original-title">
            <Title order={3} size="h5" id="original-title">{t('redactions.original')}</Title>
            <Text size="xs" c="dimmed">{t('redactions.originalHelp')}</Text>
            {original.error && <ErrorAlert error={original.error} />}
            {original.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
            {original.data && (
              <pre ref={originalRef} style={textBox} data-testid="original-text" aria-label={t('redactions.original')} tabIndex={0}>
                {originalSegments.map((seg) => {
                  if (!seg.mark) return seg.text;
                  const key = seg.mark.key;
                  if (key.kind === 'added') {
                    const a = added[key.i];
                    if (!a) return seg.text;
                    return (
                      <mark key={`a${key.i}`} role="button" tabIndex={0} style={markStyle(a.category, { added: true, removed: false })} aria-label={t('redactions.undoAdded', { category: categoryLabel(a.category), text: seg.text })} onClick={() => setAdded(added.filter((_x, j) => j !== key.i))} onKeyDown={(e) => onKey(e, () => setAdded(added.filter((_x, j) => j !== key.i)))}>
                        {seg.text}
                      </mark>
                    );
                  }
                  const s = spans[key.i];
                  if (!s) return seg.text;
                  const isRemoved = removed.has(key.i);
                  return (
                    <mark
                      key={`s${key.i}`}
                      role="button"
                      tabIndex={open ? 0 : -1}
                      aria-pressed={isRemoved}
                      aria-label={t(s.ambiguous ? 'redactions.spanAmbiguous' : 'redactions.span', { category: categoryLabel(s.category), text: seg.text })}
                      title={isRemoved ? t('redactions.clickToRestore') : t('redactions.clickToRemove')}
                      data-category={s.category}
                      style={markStyle(s.category, { ambiguous: s.ambiguous, removed: isRemoved })}
                      onClick={() => open && toggle(key.i)}
                      onKeyDown={(e) => open && onKey(e, () => toggle(key.i))}
                    >
                      {seg.text}
                    </mark>
                  );
                })}
              </pre>
            )}
            {open && original.data && (
              <Group align="flex-end" gap="xs" mt="xs">
                <Text size="sm" style={{ flex: '1 1 100%' }} aria-live="polite">
                  {selection ? t('redactions.selected', { text: original.data.text.slice(selection.start, selection.end) }) : t('redactions.selectHint')}
                </Text>
                <NativeSelect label={t('redactions.category')} value={category} onChange={(e) => setCategory(e.currentTarget.value as AddedSpan['category'])} data={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))} w={200} />
                <Button variant="default" onClick={addSelection} disabled={!selection || !!selectionProblem}>
                  {t('redactions.redactSelection')}
                </Button>
                {selectionProblem && <Text size="sm" c="red.8" role="alert">{selectionProblem}</Text>}
              </Group>
            )}
          </Stack>
        )}
        <Stack gap={4} component="section" aria-labelledby="proposal-title">
          <Title order={3} size="h5" id="proposal-title">{r.status === 'approved' ? t('redactions.approvedText') : t('redactions.proposal')}</Title>
          <pre style={textBox} data-testid="proposal-text" aria-label={t('redactions.proposal')} tabIndex={0}>
            {proposalSegments.map((seg) => {
              if (!seg.mark) return seg.text;
              const s = spans[seg.mark.key];
              if (!s) return seg.text;
              return (
                <mark key={seg.mark.key} data-category={s.category} data-ambiguous={s.ambiguous ? 'true' : undefined} style={markStyle(s.category, { ambiguous: s.ambiguous, removed: removed.has(seg.mark.key) ? true : undefined })} title={categoryLabel(s.category)}>
                  {seg.text}
                </mark>
              );
            })}
          </pre>
        </Stack>
      </SimpleGrid>
      {preview !== null && (
        <Stack gap={4} component="section" aria-labelledby="preview-title">
          <Title order={3} size="h5" id="preview-title">{t('redactions.preview', { removed: String(removed.size), added: String(added.length) })}</Title>
          <pre style={textBox} data-testid="preview-text" tabIndex={0} aria-label={t('redactions.previewLabel')}>{preview}</pre>
        </Stack>
      )}
      {open && (
        <Group align="flex-start" gap="md">
          <Button
            onClick={() => approve.mutate(changed ? { version: r.version, removeSpans: [...removed], addSpans: added } : { version: r.version })}
            loading={approve.isPending}
          >
            {changed ? t('redactions.approveWithChanges') : t('redactions.approve')}
          </Button>
          <Stack gap="xs" style={{ flex: 1 }} maw={560}>
            <Textarea
              label={t('redactions.comment')}
              description={t('redactions.commentHelp')}
              value={comment}
              onChange={(e) => { setComment(e.currentTarget.value); setCommentMissing(false); }}
              error={commentMissing ? t('redactions.commentRequired') : undefined}
              autosize
              minRows={2}
            />
            <Group>
              <Button variant="default" color="red" loading={sendBack.isPending} onClick={() => (comment.trim() ? sendBack.mutate({ version: r.version, comment: comment.trim() }) : setCommentMissing(true))}>
                {t('redactions.sendBack')}
              </Button>
            </Group>
          </Stack>
        </Group>
      )}
      {approve.error && <ErrorAlert error={approve.error} />}
      {sendBack.error && <ErrorAlert error={sendBack.error} />}
      {r.reviewedAt && <Text size="sm" c="dimmed">{t('redactions.reviewedAt', { at: fmtDate.format(new Date(r.reviewedAt)) })}</Text>}
      {r.comments.length > 0 && (
        <Stack gap={4} component="section" aria-labelledby="comments-title">
          <Title order={3} size="h5" id="comments-title">{t('redactions.comments')}</Title>
          {r.comments.map((c) => (
            <Text key={c.id} size="sm">
              <Text span c="dimmed">{fmtDate.format(new Date(c.createdAt))} — </Text>
              {c.body}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
