import { Anchor, Badge, Loader, Pagination, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCaseRedactions, type RedactionStatus } from './queries';

const route = getRouteApi('/cases/$caseId/redactions');
const FILTERS = ['proposed', 'returned', 'approved', 'all'] as const;

/** The redactions of a case, those waiting for review first; each opens its review. */
export function RedactionsTab() {
  const { t, i18n } = useTranslation();
  const { caseId } = route.useParams();
  const [status, setStatus] = useState<RedactionStatus | 'all'>('proposed');
  const [page, setPage] = useState(1);
  const list = useCaseRedactions(caseId, status, (page - 1) * 50);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Stack mt="md" gap="md">
      <SegmentedControl value={status} onChange={(v) => { setStatus(v as RedactionStatus | 'all'); setPage(1); }} data={FILTERS.map((f) => ({ value: f, label: t(`redactions.filters.${f}`) }))} aria-label={t('redactions.filterLabel')} w="fit-content" />
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending && <Loader aria-label={t('common.loading')} />}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('redactions.none')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table withTableBorder aria-label={t('redactions.listLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('redactions.createdAt')}</Table.Th>
              <Table.Th>{t('redactions.profile')}</Table.Th>
              <Table.Th>{t('redactions.status')}</Table.Th>
              <Table.Th>{t('redactions.spans')}</Table.Th>
              <Table.Th>{t('redactions.open')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{fmt.format(new Date(r.createdAt))}</Table.Td>
                <Table.Td>{t(`transcripts.redaction.profiles.${r.profile}`, { defaultValue: r.profile })}</Table.Td>
                <Table.Td><Badge variant="outline" color="dark">{t(`transcripts.redaction.statuses.${r.status}`, { defaultValue: r.status })}</Badge></Table.Td>
                <Table.Td>{new Intl.NumberFormat(i18n.language).format(r.spanCount)}</Table.Td>
                <Table.Td>
                  <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/redactions/$redactionId" params={{ caseId, redactionId: r.id }} />}>
                    {r.status === 'proposed' || r.status === 'returned' ? t('redactions.review') : t('redactions.view')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.data && list.data.total > 50 && <Pagination total={Math.ceil(list.data.total / 50)} value={page} onChange={setPage} />}
    </Stack>
  );
}
