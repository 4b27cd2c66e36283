import { Card, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Placeholder: the files panel of a testimony page replaces this (features/files). */
export function TestimonyFilesSlot(_props: { caseId: string; testimonyId: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section">
      <Title order={3} size="h4">
        {t('testimonies.slots.files')}
      </Title>
    </Card>
  );
}
