import { Anchor, Badge, Loader, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useMyCases } from './queries';

/** Home: the cases I am a member of, each a link to its page. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const cases = useMyCases();
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  return (
    <>
      <PageTitle title={t('home.title')} />
      {cases.isPending && <Loader aria-label={t('common.loading')} />}
      {cases.error && <ErrorAlert error={cases.error} />}
      {cases.data && cases.data.items.length === 0 && <Text>{t('home.noCases')}</Text>}
      {cases.data && cases.data.items.length > 0 && (
        <Table striped highlightOnHover aria-label={t('home.casesTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('case.title')}</Table.Th>
              <Table.Th>{t('case.status')}</Table.Th>
              <Table.Th>{t('case.myRole')}</Table.Th>
              <Table.Th>{t('case.updatedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId" params={{ caseId: c.id }} />}>
                    {c.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={c.status === 'active' ? 'green' : 'gray'}>
                    {t(`case.statuses.${c.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{t(`caseRoles.${c.myRole}`)}</Table.Td>
                <Table.Td>{dateFormat.format(new Date(c.updatedAt))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
