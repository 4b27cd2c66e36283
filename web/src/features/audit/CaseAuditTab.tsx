import { Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMembers } from '../cases/queries';
import { AuditTrail } from './AuditTrail';

const route = getRouteApi('/cases/$caseId/audit');

/** The case's audit trail, for its leads: who did what to which record, and when. */
export function CaseAuditTab() {
  const { t } = useTranslation();
  const { caseId } = route.useParams();
  const members = useMembers(caseId);
  const actors = (members.data ?? []).map((m) => ({ value: m.userId, label: m.displayName }));
  return (
    <Stack mt="md">
      <Text size="sm">{t('audit.caseExplain')}</Text>
      <AuditTrail caseId={caseId} actors={actors} />
    </Stack>
  );
}
