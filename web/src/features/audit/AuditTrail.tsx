import { Badge, Button, Code, Group, Loader, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AUDIT_PAGE_SIZE, EMPTY_AUDIT_FILTER, useAuditTrail, type AuditEntry, type AuditFilter, type AuditHighlight } from './queries';

export interface ActorOption {
  value: string;
  label: string;
}

/** How a highlighted entry stands out: a coloured badge with words (never colour alone). */
const HIGHLIGHT_COLOUR: Record<AuditHighlight, string> = { identity_read: 'red', download: 'orange' };

function HighlightBadge({ highlight }: { highlight: AuditEntry['highlight'] }) {
  const { t } = useTranslation();
  if (!highlight) return null;
  return (
    <Badge color={HIGHLIGHT_COLOUR[highlight]} variant="filled" size="sm">
      {t(`audit.highlights.${highlight}`)}
    </Badge>
  );
}

function Details({ details }: { details: AuditEntry['details'] }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <Text size="xs">—</Text>;
  return (
    <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n')}
    </Code>
  );
}

/**
 * A filterable, paged table of the audit log, newest first: one case's trail (caseId) or the
 * whole log (null, admins). Reads of identities and downloads carry a badge and a tinted row.
 */
export function AuditTrail({ caseId, actors }: { caseId: string | null; actors: ActorOption[] }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<AuditFilter>(EMPTY_AUDIT_FILTER);
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_AUDIT_FILTER);
  const trail = useAuditTrail(caseId, filter);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const set = (patch: Partial<AuditFilter>) => setDraft((d) => ({ ...d, ...patch }));
  const highlightOptions = (['identity_read', 'download'] as const).map((h) => ({ value: h, label: t(`audit.highlights.${h}`) }));

  return (
    <Stack>
      <form
        aria-label={t('audit.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ ...draft, page: 1 });
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <Select label={t('audit.actor')} placeholder={t('audit.anyone')} data={actors} value={draft.actorId} onChange={(v) => set({ actorId: v })} clearable searchable w={200} />
          <TextInput label={t('audit.action')} description={t('audit.actionHint')} value={draft.action} onChange={(e) => set({ action: e.currentTarget.value })} w={200} />
          <TextInput label={t('audit.recordType')} value={draft.subjectType} onChange={(e) => set({ subjectType: e.currentTarget.value })} w={140} />
          <TextInput label={t('audit.recordId')} value={draft.subjectId} onChange={(e) => set({ subjectId: e.currentTarget.value })} w={200} />
          <TextInput type="date" label={t('audit.from')} value={draft.from} onChange={(e) => set({ from: e.currentTarget.value })} w={150} />
          <TextInput type="date" label={t('audit.to')} value={draft.to} onChange={(e) => set({ to: e.currentTarget.value })} w={150} />
          <Select label={t('audit.only')} placeholder={t('audit.allEntries')} data={highlightOptions} value={draft.highlight} onChange={(v) => set({ highlight: v as AuditHighlight | null })} clearable w={180} />
          <Button type="submit">{t('audit.apply')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(EMPTY_AUDIT_FILTER);
              setFilter(EMPTY_AUDIT_FILTER);
            }}
          >
            {t('audit.reset')}
          </Button>
        </Group>
      </form>
      {trail.error && <ErrorAlert error={trail.error} />}
      {!trail.data && !trail.error && <Loader aria-label={t('common.loading')} />}
      {trail.data && (
        <>
          <Text size="sm" role="status">
            {t('audit.count', { n: new Intl.NumberFormat(i18n.language).format(trail.data.total) })}
          </Text>
          {trail.data.items.length > 0 && (
            <Table.ScrollContainer minWidth={800}>
              <Table withTableBorder aria-label={t('audit.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('audit.seq')}</Table.Th>
                    <Table.Th>{t('audit.when')}</Table.Th>
                    <Table.Th>{t('audit.who')}</Table.Th>
                    <Table.Th>{t('audit.action')}</Table.Th>
                    <Table.Th>{t('audit.record')}</Table.Th>
                    <Table.Th>{t('audit.details')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {trail.data.items.map((e) => (
                    <Table.Tr key={e.id} data-highlight={e.highlight ?? undefined} bg={e.highlight ? `var(--mantine-color-${HIGHLIGHT_COLOUR[e.highlight]}-light)` : undefined}>
                      <Table.Td>{e.seq ?? <Badge variant="light" color="gray">{t('audit.pending')}</Badge>}</Table.Td>
                      <Table.Td>{fmt.format(new Date(e.at))}</Table.Td>
                      <Table.Td>{e.actorDisplayName ?? (e.actorId ? e.actorId : t('audit.system'))}</Table.Td>
                      <Table.Td>
                        <Stack gap={4} align="flex-start">
                          <Text size="sm" ff="monospace">
                            {e.action}
                          </Text>
                          <HighlightBadge highlight={e.highlight} />
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{e.subjectType}</Text>
                        {e.subjectId && (
                          <Text size="xs" c="dimmed" ff="monospace">
                            {e.subjectId}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td maw={320}>
                        <Details details={e.details} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {trail.data.total > AUDIT_PAGE_SIZE && (
            <Group justify="center">
              <Pagination
                total={Math.ceil(trail.data.total / AUDIT_PAGE_SIZE)}
                value={filter.page}
                onChange={(page) => setFilter((f) => ({ ...f, page }))}
                getControlProps={(control) => ({ 'aria-label': t(`admin.pagination.${control}`) })}
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
