import { Anchor, Group, Loader, Stack, Table, Title } from '@mantine/core';
import { Notice } from './Notice';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PseudonymBadge } from '../../components/PseudonymBadge';
import { useCase } from '../cases/queries';
import { IdentityPanel } from './IdentityPanel';
import { IdentityStatus } from './PeopleTab';
import { mayRecord, usePerson } from './queries';

const route = getRouteApi('/cases/$caseId/people/$personId');

/** A person of the case: what does not identify them for everyone; the identity panel for cleared members. */
export function PersonPage() {
  const { t, i18n } = useTranslation();
  const { caseId, personId } = route.useParams();
  const kase = useCase(caseId);
  const person = usePerson(caseId, personId);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });

  if (person.isPending || kase.isPending) return <Loader aria-label={t('common.loading')} />;
  if (person.error) return <ErrorAlert error={person.error} />;
  if (kase.error) return <ErrorAlert error={kase.error} />;
  const p = person.data;

  return (
    <Stack mt="md" gap="sm" maw={1000}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/cases/$caseId/people" params={{ caseId }} />}>
        {t('people.backToRegister')}
      </Anchor>
      <Group gap="sm">
        <Title order={2}>{t('people.personTitle', { code: p.code })}</Title>
        <PseudonymBadge code={p.code} />
      </Group>
      <Table variant="vertical" layout="fixed" withTableBorder aria-label={t('people.summaryLabel')} maw={640}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={220}>{t('people.code')}</Table.Th>
            <Table.Td ff="monospace">{p.code}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('people.kind')}</Table.Th>
            <Table.Td>{t(`people.kinds.${p.kind}`)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('people.registeredAt')}</Table.Th>
            <Table.Td>{dateFormat.format(new Date(p.createdAt))}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('people.identityColumn')}</Table.Th>
            <Table.Td>
              <IdentityStatus person={p} />
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {kase.data.myIdentityClearance ? (
        <IdentityPanel key={p.id} caseId={caseId} person={p} canRecord={mayRecord(kase.data)} />
      ) : (
        <Notice variant="light" color="gray" mt="md">
          {t('people.unclearedNote')}
        </Notice>
      )}
    </Stack>
  );
}
