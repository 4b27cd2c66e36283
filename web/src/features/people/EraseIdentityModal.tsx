import { Button, Group, List, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { Notice } from './Notice';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ERASURE_REASONS, type ErasureReason } from './identity';
import { useEraseIdentity, type Person } from './queries';

/**
 * Erasing destroys the sealed identity for good. The dialog names the consequence and asks the
 * user to type the pseudonym code shown on screen, so it cannot happen by a stray click.
 */
export function EraseIdentityModal({ caseId, person, opened, onClose }: { caseId: string; person: Person; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const erase = useEraseIdentity(caseId, person.id);
  const [reason, setReason] = useState<ErasureReason>('consent_withdrawn');
  const [typed, setTyped] = useState('');
  const close = () => {
    setTyped('');
    erase.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('people.erase.title', { code: person.code })} size="lg" closeButtonProps={{ 'aria-label': t('people.close') }}>
      <Stack gap="sm">
        <Notice color="red" variant="light" title={t('people.erase.warningTitle')}>
          <List size="sm" spacing={4}>
            <List.Item>{t('people.erase.destroyed')}</List.Item>
            <List.Item>{t('people.erase.pseudonymStays', { code: person.code })}</List.Item>
            <List.Item>{t('people.erase.redactionsStay')}</List.Item>
            <List.Item>{t('people.erase.audited')}</List.Item>
          </List>
        </Notice>
        <NativeSelect label={t('people.erase.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value as ErasureReason)} data={ERASURE_REASONS.map((r) => ({ value: r, label: t(`people.erase.reasons.${r}`) }))} />
        <Text size="sm">{t('people.erase.typeCode', { code: person.code })}</Text>
        <TextInput label={t('people.erase.confirmLabel', { code: person.code })} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} autoComplete="off" ff="monospace" />
        {erase.error && <ErrorAlert error={erase.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('people.cancel')}
          </Button>
          <Button color="red" disabled={typed.trim() !== person.code} loading={erase.isPending} onClick={() => erase.mutate({ version: person.version, reason }, { onSuccess: close })}>
            {t('people.erase.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
