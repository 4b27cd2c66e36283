import { Badge, Button, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import { useCaseJobs } from '../jobs/queries';
import { useRedaction, useRedactionProfiles, useStartRedaction, useTestimonyRedactions } from './queries';

/**
 * Start a redaction of this testimony for a recipient profile and follow its job. The job is found
 * again from the case's job list, so its progress survives a reload. Below: the testimony's
 * redactions, whose de-identified text anyone on the case may read.
 */
export function RedactionSection({ caseId, testimonyId, canStart }: { caseId: string; testimonyId: string; canStart: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const profiles = useRedactionProfiles(caseId);
  const [profile, setProfile] = useState<string | null>('un');
  const start = useStartRedaction(caseId);
  const jobs = useCaseJobs(caseId, { queue: 'redaction' });
  const found = jobs.data?.items.find((j) => j.testimonyIds?.includes(testimonyId));
  const jobId = start.data?.id ?? found?.id;
  const redactions = useTestimonyRedactions(caseId, testimonyId);
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const onFinished = useCallback(() => void queryClient.invalidateQueries({ queryKey: ['redactions', caseId, testimonyId] }), [queryClient, caseId, testimonyId]);

  const profileLabel = (name: string) => t(`transcripts.redaction.profiles.${name}`, { defaultValue: name });
  return (
    <Stack gap="xs" component="section" aria-labelledby="redaction-title">
      <Title order={2} size="h3" id="redaction-title">
        {t('transcripts.redaction.title')}
      </Title>
      {canStart && (
        <Group align="flex-end" gap="xs">
          <Select
            label={t('transcripts.redaction.profile')}
            data={(profiles.data ?? []).map((p) => ({ value: p.name, label: profileLabel(p.name) }))}
            value={profile}
            onChange={setProfile}
            allowDeselect={false}
            w={260}
          />
          <Button onClick={() => profile && start.mutate({ testimonyId, profile })} loading={start.isPending} disabled={!profile}>
            {t('transcripts.redaction.start')}
          </Button>
        </Group>
      )}
      {start.error && <ErrorAlert error={start.error} />}
      {jobId && <JobProgress jobId={jobId} onFinished={onFinished} />}
      {redactions.error && <ErrorAlert error={redactions.error} />}
      {redactions.data && redactions.data.items.length > 0 && (
        <Table withTableBorder aria-label={t('transcripts.redaction.listLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('transcripts.redaction.profile')}</Table.Th>
              <Table.Th>{t('transcripts.redaction.status')}</Table.Th>
              <Table.Th>{t('transcripts.redaction.spans')}</Table.Th>
              <Table.Th>{t('transcripts.redaction.createdAt')}</Table.Th>
              <Table.Th>{t('transcripts.redaction.text')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {redactions.data.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{profileLabel(r.profile)}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color="dark">{t(`transcripts.redaction.statuses.${r.status}`, { defaultValue: r.status })}</Badge>
                </Table.Td>
                <Table.Td>{new Intl.NumberFormat(i18n.language).format(r.spanCount)}</Table.Td>
                <Table.Td>{fmt.format(new Date(r.createdAt))}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => setOpenId(openId === r.id ? undefined : r.id)} aria-expanded={openId === r.id}>
                    {openId === r.id ? t('transcripts.redaction.hideText') : t('transcripts.redaction.showText')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {redactions.data && redactions.data.items.length === 0 && !jobId && (
        <Text size="sm" c="dimmed">
          {t('transcripts.redaction.none')}
        </Text>
      )}
      {openId && <RedactedText caseId={caseId} redactionId={openId} />}
    </Stack>
  );
}

function RedactedText({ caseId, redactionId }: { caseId: string; redactionId: string }) {
  const { t } = useTranslation();
  const r = useRedaction(caseId, redactionId);
  if (r.error) return <ErrorAlert error={r.error} />;
  if (!r.data) return <Loader size="sm" aria-label={t('common.loading')} />;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('transcripts.redaction.deidentified')}
      </Text>
      <Text component="pre" role="group" tabIndex={0} aria-label={t('transcripts.redaction.deidentified')} style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, padding: 8, maxHeight: 320, overflow: 'auto' }}>
        {r.data.text}
      </Text>
    </Stack>
  );
}
