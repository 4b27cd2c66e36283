import { Alert, Loader, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCase } from '../cases/queries';
import { DisclosureRegister } from './DisclosureRegister';
import { DisclosureWizard } from './DisclosureWizard';

const route = getRouteApi('/cases/$caseId/disclosures');

/** The case's disclosures (case leads): prepare one, and the register of what went where. */
export function DisclosuresTab() {
  const { t } = useTranslation();
  const { caseId } = route.useParams();
  const kase = useCase(caseId);
  if (kase.isPending) return <Loader aria-label={t('common.loading')} />;
  if (kase.error) return <ErrorAlert error={kase.error} />;
  if (kase.data.myRole !== 'lead') {
    return (
      <Alert color="gray" variant="light" mt="md">
        {t('disclosures.leadsOnly')}
      </Alert>
    );
  }
  return (
    <Stack mt="md" gap="xl">
      <DisclosureWizard caseId={caseId} />
      <DisclosureRegister caseId={caseId} />
    </Stack>
  );
}
