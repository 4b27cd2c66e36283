import { Button, Group, Loader, Pagination, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useMe } from '../auth/session';
import { CaseLink, CaseStatusBadge } from './CaseBits';
import { CreateCaseModal } from './CreateCaseModal';
import { CASE_SORTS, useCaseList, type CaseSort, type CaseStatus } from './queries';

const PAGE_SIZE = 25;
/** Global roles that may open a case (the API's POST /cases). */
const MAY_CREATE = ['admin', 'investigator', 'analyst'];

/** Every case I am a member of: filter by status and title words, sort, page; create one. */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const [status, setStatus] = useState<CaseStatus | 'all'>('active');
  const [words, setWords] = useState('');
  const [q] = useDebouncedValue(words.trim(), 300);
  const [sort, setSort] = useState<CaseSort>('-updatedAt');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useCaseList({ status: status === 'all' ? undefined : status, q, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageTitle
        title={t('cases.title')}
        actions={me && MAY_CREATE.includes(me.role) && <Button onClick={() => setCreating(true)}>{t('cases.create.open')}</Button>}
      />
      <Group align="end" mb="md" wrap="wrap">
        <TextInput
          label={t('cases.filter.words')}
          value={words}
          onChange={(e) => {
            setWords(e.currentTarget.value);
            setPage(1);
          }}
          w={280}
        />
        <Select
          label={t('cases.filter.status')}
          value={status}
          allowDeselect={false}
          data={(['all', 'active', 'archived'] as const).map((s) => ({ value: s, label: s === 'all' ? t('cases.filter.all') : t(`case.statuses.${s}`) }))}
          onChange={(v) => {
            setStatus((v ?? 'active') as CaseStatus | 'all');
            setPage(1);
          }}
          w={180}
        />
        <Select
          label={t('cases.filter.sort')}
          value={sort}
          allowDeselect={false}
          data={CASE_SORTS.map((s) => ({ value: s, label: t(`cases.sorts.${s.replace('-', 'desc_')}`) }))}
          onChange={(v) => setSort((v ?? '-updatedAt') as CaseSort)}
          w={220}
        />
      </Group>
      {list.isPending && <Loader aria-label={t('common.loading')} />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <Text>{q || status !== 'active' ? t('cases.noMatch') : t('home.noCases')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            {t('cases.count', { n: new Intl.NumberFormat(i18n.language).format(list.data.total) })}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover aria-label={t('cases.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('case.title')}</Table.Th>
                  <Table.Th>{t('case.status')}</Table.Th>
                  <Table.Th>{t('case.myRole')}</Table.Th>
                  <Table.Th>{t('case.updatedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <CaseLink caseId={c.id} title={c.title} />
                    </Table.Td>
                    <Table.Td>
                      <CaseStatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>{t(`caseRoles.${c.myRole}`)}</Table.Td>
                    <Table.Td>{dateFormat.format(new Date(c.updatedAt))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Pagination
              mt="md"
              total={pages}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': t(`cases.pager.${control}`) })}
              getItemProps={(n) => ({ 'aria-label': t('cases.pager.page', { page: n }) })}
            />
          )}
        </>
      )}
      <CreateCaseModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
