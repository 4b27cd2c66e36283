import { Anchor, Badge, Button, Group, Loader, NativeSelect, Pagination, Table, Text } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListDownloadButtons } from '../../components/ListDownloadButtons';
import { PseudonymBadge } from '../../components/PseudonymBadge';
import { useCase } from '../cases/queries';
import { PERSON_KINDS, type PersonKind } from './identity';
import { mayRecord, PEOPLE_PAGE_SIZE, usePeople, type Person } from './queries';

const route = getRouteApi('/cases/$caseId/people');

/** Whether a person's identity is on file, erased, or absent: said in words, not only colour. */
export function IdentityStatus({ person }: { person: Person }) {
  const { t } = useTranslation();
  if (person.identityErasedAt) return <Badge variant="outline" color="red">{t('people.status.erased')}</Badge>;
  if (person.hasIdentity) return <Badge variant="light" color="indigo">{t('people.status.sealed')}</Badge>;
  return <Badge variant="outline" color="gray">{t('people.status.none')}</Badge>;
}

/** The People tab: the case's register by pseudonym code and kind, each row a link to the person. */
export function PeopleTab() {
  const { t, i18n } = useTranslation();
  const { caseId } = route.useParams();
  const kase = useCase(caseId);
  const [kind, setKind] = useState<PersonKind | null>(null);
  const [page, setPage] = useState(1);
  const people = usePeople(caseId, kind, page);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const numberFormat = new Intl.NumberFormat(i18n.language);
  const canRecord = mayRecord(kase.data);
  const pages = people.data ? Math.max(1, Math.ceil(people.data.total / PEOPLE_PAGE_SIZE)) : 1;

  return (
    <>
      <Group justify="space-between" align="flex-end" mt="md" mb="md" wrap="wrap">
        <NativeSelect
          label={t('people.kindFilter')}
          value={kind ?? ''}
          onChange={(e) => {
            setKind((e.currentTarget.value || null) as PersonKind | null);
            setPage(1);
          }}
          data={[{ value: '', label: t('people.allKinds') }, ...PERSON_KINDS.map((k) => ({ value: k, label: t(`people.kinds.${k}`) }))]}
        />
        <Group gap="sm" align="flex-end">
          <ListDownloadButtons caseId={caseId} list="people" filters={{ kind }} cleared={Boolean(kase.data?.myIdentityClearance)} />
          {canRecord && (
            <Button renderRoot={(props) => <Link {...props} to="/cases/$caseId/people/new" params={{ caseId }} />}>{t('people.register')}</Button>
          )}
        </Group>
      </Group>
      {kase.data && !kase.data.myIdentityClearance && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('people.unclearedNote')}
        </Text>
      )}
      {people.isPending && <Loader aria-label={t('common.loading')} />}
      {people.error && <ErrorAlert error={people.error} />}
      {people.data && people.data.items.length === 0 && <Text>{kind ? t('people.noneOfKind') : t('people.none')}</Text>}
      {people.data && people.data.items.length > 0 && (
        <>
          <Table striped highlightOnHover aria-label={t('people.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.code')}</Table.Th>
                <Table.Th>{t('people.kind')}</Table.Th>
                <Table.Th>{t('people.identityColumn')}</Table.Th>
                <Table.Th>{t('people.registeredAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/people/$personId" params={{ caseId, personId: p.id }} />} aria-label={t('people.openPerson', { code: p.code })}>
                      <PseudonymBadge code={p.code} />
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`people.kinds.${p.kind}`)}</Table.Td>
                  <Table.Td>
                    <IdentityStatus person={p} />
                  </Table.Td>
                  <Table.Td>{dateFormat.format(new Date(p.createdAt))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" mt="md">
            <Text size="sm" c="dimmed">
              {t('people.total', { formatted: numberFormat.format(people.data.total) })}
            </Text>
            {pages > 1 && (
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`people.pagination.${control}`) })}
                getItemProps={(n) => ({ 'aria-label': t('people.pagination.page', { n }) })}
              />
            )}
          </Group>
        </>
      )}
    </>
  );
}
