import { Anchor, Group, Loader, Pagination, Stack, Table, Text } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useCaseJobs } from './queries';

const route = getRouteApi('/cases/$caseId/jobs');
const PAGE = 25;

/**
 * The case's background jobs (the ones I started, or all of them for a lead), newest first, each
 * with its live progress: a reload finds them all again.
 */
export function CaseJobsTab() {
  const { t, i18n } = useTranslation();
  const { caseId } = route.useParams();
  const [offset, setOffset] = useState(0);
  const jobs = useCaseJobs(caseId, { limit: PAGE, offset });
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (jobs.error) return <ErrorAlert error={jobs.error} />;
  if (!jobs.data) return <Loader aria-label={t('common.loading')} />;
  if (jobs.data.items.length === 0)
    return (
      <Text mt="md" c="dimmed">
        {t('jobs.none')}
      </Text>
    );
  return (
    <Stack mt="md">
      <Table withTableBorder aria-label={t('jobs.listLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('jobs.job')}</Table.Th>
            <Table.Th>{t('jobs.startedAt')}</Table.Th>
            <Table.Th>{t('jobs.finishedAt')}</Table.Th>
            <Table.Th w="40%">{t('jobs.progress')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.data.items.map((j) => {
            const testimonyId = j.testimonyIds?.length === 1 ? j.testimonyIds[0] : undefined;
            const name = t(`jobs.names.${j.name.replace('.', '_')}`, { defaultValue: j.name });
            return (
              <Table.Tr key={j.id}>
                <Table.Td>
                  {testimonyId ? (
                    <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/testimonies/$testimonyId/transcripts" params={{ caseId, testimonyId }} />}>
                      {t('jobs.ofTestimony', { name })}
                    </Anchor>
                  ) : (
                    name
                  )}
                </Table.Td>
                <Table.Td>{fmt.format(new Date(j.createdAt))}</Table.Td>
                <Table.Td>{j.finishedAt ? fmt.format(new Date(j.finishedAt)) : '—'}</Table.Td>
                <Table.Td>
                  <JobProgress jobId={j.id} label={name} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {jobs.data.total > PAGE && (
        <Group justify="center">
          <Pagination total={Math.ceil(jobs.data.total / PAGE)} value={offset / PAGE + 1} onChange={(p) => setOffset((p - 1) * PAGE)} />
        </Group>
      )}
    </Stack>
  );
}
