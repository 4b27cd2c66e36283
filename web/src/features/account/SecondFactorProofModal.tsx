import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isWrongCode } from './queries';

/**
 * Asks for a current authenticator code or a recovery code before a two-factor change
 * (wrong codes count as failed sign-ins on the server, so the throttle message can appear here).
 */
export function SecondFactorProofModal({
  opened, title, explain, submitLabel, danger, pending, error, onSubmit, onClose,
}: {
  opened: boolean;
  title: string;
  explain: string;
  submitLabel: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (code: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(code);
    setCode('');
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{explain}</Text>
          {error && !isWrongCode(error) ? <ErrorAlert error={error} /> : null}
          <TextInput
            label={t('account.twoFactor.proofLabel')}
            description={t('account.twoFactor.proofHelp')}
            autoComplete="one-time-code"
            required
            withAsterisk={false}
            data-autofocus
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={isWrongCode(error) ? t('account.twoFactor.wrongCode') : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={danger ? 'red' : undefined} loading={pending} disabled={!code.trim()}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
