import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AuditTrail } from '../audit/AuditTrail';
import { useUsers, useVerifyAuditChain } from './queries';

/** Recomputes the audit log's hash chain and says what it found, in words; below, the whole log, filterable. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const verify = useVerifyAuditChain();
  const number = new Intl.NumberFormat(i18n.language);
  const result = verify.data;
  const users = useUsers({ q: '', role: null, page: 1 });
  const actors = (users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  return (
    <Stack>
      <Stack maw={720}>
        <Title order={2} size="h3">
          {t('admin.audit.title')}
        </Title>
        <Text size="sm">{t('admin.audit.explain')}</Text>
        <div>
          <Button onClick={() => verify.mutate()} loading={verify.isPending}>
            {result ? t('admin.audit.again') : t('admin.audit.verify')}
          </Button>
        </div>
        {verify.error && <ErrorAlert error={verify.error} />}
        {result && !verify.isPending && (
          <Alert role="status" color={result.ok ? 'green' : 'red'} title={result.ok ? t('admin.audit.intact') : t('admin.audit.broken')}>
            {result.ok ? (
              <Text size="sm">{t('admin.audit.intactDetail', { n: number.format(result.entriesChecked) })}</Text>
            ) : (
              <Stack gap={4}>
                <Text size="sm">{t('admin.audit.brokenAt', { seq: result.firstBroken?.seq ?? '?' })}</Text>
                {result.firstBroken && <Text size="sm">{t(`admin.audit.reasons.${result.firstBroken.reason}`)}</Text>}
                <Text size="sm">{t('admin.audit.checkedBefore', { n: number.format(result.entriesChecked) })}</Text>
                <Text size="sm">{t('admin.audit.whatNow')}</Text>
              </Stack>
            )}
          </Alert>
        )}
      </Stack>
      <Title order={2} size="h3" mt="lg">
        {t('audit.adminTitle')}
      </Title>
      <AuditTrail caseId={null} actors={actors} />
    </Stack>
  );
}
