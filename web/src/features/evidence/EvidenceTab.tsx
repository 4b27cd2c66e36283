import { Anchor, Badge, Code, Group, NativeSelect, Pagination, Stack, Table, Text } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListDownloadButtons } from '../../components/ListDownloadButtons';
import { useCase } from '../cases/queries';
import { EVIDENCE_KINDS, useEvidenceList, type EvidenceKind } from './queries';

const route = getRouteApi('/cases/$caseId/evidence');
const PAGE = 50;

/** The evidence items of a case, by code, filterable by kind; each opens its detail. */
export function EvidenceTab() {
  const { t, i18n } = useTranslation();
  const { caseId } = route.useParams();
  const [kind, setKind] = useState<EvidenceKind | null>(null);
  const [page, setPage] = useState(1);
  const list = useEvidenceList(caseId, kind, (page - 1) * PAGE);
  const kase = useCase(caseId);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <Stack mt="md">
      <Group justify="space-between">
        <NativeSelect
          label={t('evidence.filterKind')}
          value={kind ?? ''}
          onChange={(e) => {
            setKind((e.currentTarget.value || null) as EvidenceKind | null);
            setPage(1);
          }}
          data={[{ value: '', label: t('evidence.allKinds') }, ...EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`evidence.kinds.${k}`) }))]}
        />
        <Group gap="sm">
          {list.data && <Text c="dimmed">{t('evidence.count', { n: new Intl.NumberFormat(i18n.language).format(list.data.total) })}</Text>}
          <ListDownloadButtons caseId={caseId} list="evidence" filters={{ kind }} cleared={Boolean(kase.data?.myIdentityClearance)} />
        </Group>
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <Text>{t('evidence.none')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('evidence.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evidence.code')}</Table.Th>
                <Table.Th>{t('evidence.kind')}</Table.Th>
                <Table.Th>{t('evidence.itemTitle')}</Table.Th>
                <Table.Th>{t('evidence.role')}</Table.Th>
                <Table.Th>SHA-256</Table.Th>
                <Table.Th>{t('evidence.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/evidence/$itemId" params={{ caseId, itemId: item.id }} />}>{item.code}</Anchor>
                  </Table.Td>
                  <Table.Td>{t(`evidence.kinds.${item.kind}`)}</Table.Td>
                  <Table.Td>
                    {item.title}
                    {item.passage?.quote && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        “{item.passage.quote}”
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={item.role === 'original' ? 'blue' : 'gray'}>
                      {t(`evidence.roles.${item.role}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{item.sha256 ? <Code>{item.sha256.slice(0, 12)}…</Code> : <Text span c="dimmed">—</Text>}</Table.Td>
                  <Table.Td>
                    <time dateTime={item.createdAt}>{when.format(new Date(item.createdAt))}</time>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data && list.data.total > PAGE && <Pagination total={Math.ceil(list.data.total / PAGE)} value={page} onChange={setPage} getControlProps={(control) => ({ 'aria-label': t(`testimonies.list.pages.${control}`) })} />}
    </Stack>
  );
}
