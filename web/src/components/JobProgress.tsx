import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { ErrorAlert } from './ErrorAlert';
import { jobFailureKey } from './jobFailure';

type Job = Schemas['JobDto'];
const POLL_MS = 1000;

/**
 * The progress of one background job (redaction, export, import): polls GET /jobs/:id while it is
 * queued or running, then stops. A failure says why in words: known reasons are translated, others
 * are shown as the worker wrote them (they never hold identities: the worker stores codes only).
 */
export function JobProgress({ jobId, label, onFinished }: { jobId: string; label?: string; onFinished?: (job: Job) => void }) {
  const { t, i18n } = useTranslation();
  const job = useQuery({
    queryKey: ['jobs', 'one', jobId],
    queryFn: () => unwrap(api.GET('/jobs/{id}', { params: { path: { id: jobId } } })),
    refetchInterval: (query) => (query.state.data && (query.state.data.status === 'completed' || query.state.data.status === 'failed') ? false : POLL_MS),
  });
  const status = job.data?.status;
  const notified = useRef<string | null>(null);
  useEffect(() => {
    if (job.data && (status === 'completed' || status === 'failed') && notified.current !== job.data.id) {
      notified.current = job.data.id;
      onFinished?.(job.data);
    }
  }, [job.data, status, onFinished]);

  if (job.error) return <ErrorAlert error={job.error} />;
  if (!job.data) return <Text size="sm">{t('common.loading')}</Text>;
  const j = job.data;
  const color = j.status === 'failed' ? 'red' : j.status === 'completed' ? 'teal' : 'indigo';
  const name = label ?? t(`jobs.names.${j.name.replace('.', '_')}`, { defaultValue: j.name });
  const failureKey = jobFailureKey(j.error);
  return (
    <Stack gap={4} data-testid="job-progress">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {name}
        </Text>
        {/* The status in words (not only the bar's colour). */}
        <Text size="sm" role="status" aria-live="polite">
          {t(`jobs.status.${j.status}`)} · {new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(j.progress / 100)}
        </Text>
      </Group>
      <Progress value={j.progress} color={color} animated={j.status === 'active'} aria-label={t('jobs.progressLabel', { name })} />
      {j.status === 'failed' && (
        <Alert color="red" variant="light" title={t('jobs.failedTitle')}>
          {failureKey ? t(`jobs.failures.${failureKey}`) : t('jobs.failures.other', { reason: j.error ?? '' })}
        </Alert>
      )}
      {j.status === 'queued' && j.attempts > 0 && (
        <Text size="xs" c="dimmed">
          {t('jobs.retrying', { attempts: j.attempts })}
        </Text>
      )}
    </Stack>
  );
}
