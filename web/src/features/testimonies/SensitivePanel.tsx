import { Alert, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SensitiveInputs } from './fields';
import { useUpdateTestimony, type Testimony, type TestimonySensitive } from './queries';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

const FIELDS = ['placeOfInterview', 'interpreter', 'riskNotes'] as const;

/**
 * Place of interview, interpreter and risk notes. Rendered only for members with identity
 * clearance; nothing is requested until the user presses "reveal", which is audited.
 */
export function SensitivePanel({ caseId, testimony, revealed, onReveal, sensitive, canEdit }: {
  caseId: string;
  testimony: Testimony;
  revealed: boolean;
  onReveal: () => void;
  sensitive: UseQueryResult<TestimonySensitive>;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TestimonySensitive | null>(null);
  const update = useUpdateTestimony(caseId, testimony.id);
  const save = async () => {
    if (!draft) return;
    await update.mutateAsync({ version: testimony.version, sensitive: draft });
    await sensitive.refetch();
    setDraft(null);
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sensitive-title">
      <UnsavedChangesGuard dirty={draft !== null && FIELDS.some((f) => (draft[f] ?? '') !== (sensitive.data?.[f] ?? ''))} />
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="sensitive-title">
          {t('testimonies.sensitive.title')}
        </Title>
        {revealed && sensitive.data && canEdit && !draft && (
          <Button variant="default" size="xs" onClick={() => setDraft({ ...sensitive.data })}>
            {t('testimonies.page.edit')}
          </Button>
        )}
      </Group>
      {!revealed ? (
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('testimonies.sensitive.hidden')}</Text>
          {/* red.9 on white is 5.5:1; Mantine's orange filled buttons stay under 4.5:1 for white text. */}
          <Button color="red.9" onClick={onReveal}>
            {t('testimonies.sensitive.reveal')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('testimonies.sensitive.audited')}
          </Text>
        </Stack>
      ) : sensitive.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : sensitive.error ? (
        <ErrorAlert error={sensitive.error} />
      ) : draft ? (
        <Stack gap="sm">
          <SensitiveInputs value={draft} onChange={setDraft} />
          {update.error && <ErrorAlert error={update.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDraft(null)}>
              {t('testimonies.page.cancel')}
            </Button>
            <Button onClick={() => void save().catch(() => undefined)} loading={update.isPending}>
              {t('testimonies.page.save')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <>
          <Alert color="orange" variant="light" mb="sm">
            {t('testimonies.sensitive.revealedNote')}
          </Alert>
          <Table variant="vertical" withTableBorder={false}>
            <Table.Tbody>
              {FIELDS.map((f) => (
                <Table.Tr key={f}>
                  <Table.Th w={200}>{t(`testimonies.sensitive.${f}`)}</Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{sensitive.data[f] || t('testimonies.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  );
}
