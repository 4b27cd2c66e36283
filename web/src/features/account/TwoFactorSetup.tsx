import { Button, Group, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isWrongCode, useConfirmTwoFactor, useEnrolTwoFactor } from './queries';
import { RecoveryCodes } from './RecoveryCodes';

/** The base32 secret in groups of four, easier to read and type (authenticator apps ignore spaces). */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Turning two-factor sign-in on: a new secret as a QR code (the API renders it) and as text, a
 * code to confirm it, then the recovery codes once. `onFinished` runs after the codes are saved.
 */
export function TwoFactorSetup({ onFinished, onCancel }: { onFinished: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const enrol = useEnrolTwoFactor();
  const confirm = useConfirmTwoFactor();
  const [code, setCode] = useState('');
  const cancel = onCancel && (
    <Button variant="default" onClick={onCancel}>
      {t('common.cancel')}
    </Button>
  );

  if (confirm.data) return <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={onFinished} />;

  if (!enrol.data) {
    return (
      <Stack>
        {enrol.error && <ErrorAlert error={enrol.error} />}
        <Text>{t('account.twoFactor.intro')}</Text>
        <Group>
          <Button onClick={() => enrol.mutate()} loading={enrol.isPending}>
            {t('account.twoFactor.start')}
          </Button>
          {cancel}
        </Group>
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code, { onError: () => setCode('') });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <List type="ordered" spacing="xs">
          <List.Item>{t('account.twoFactor.step1')}</List.Item>
          <List.Item>{t('account.twoFactor.step2')}</List.Item>
          <List.Item>{t('account.twoFactor.step3')}</List.Item>
        </List>
        <Image src={enrol.data.qrCodeDataUrl} alt={t('account.twoFactor.qrAlt')} w={200} h={200} fit="contain" />
        <TextInput
          label={t('account.twoFactor.secretLabel')}
          description={t('account.twoFactor.secretHelp')}
          readOnly
          value={groupSecret(enrol.data.secret)}
          ff="monospace"
          onFocus={(e) => e.currentTarget.select()}
        />
        {confirm.error && !isWrongCode(confirm.error) && <ErrorAlert error={confirm.error} />}
        <TextInput
          label={t('account.twoFactor.codeLabel')}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          required
          withAsterisk={false}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={isWrongCode(confirm.error) ? t('account.twoFactor.wrongCode') : undefined}
        />
        <Group>
          <Button type="submit" loading={confirm.isPending} disabled={code.trim().length !== 6}>
            {t('account.twoFactor.confirm')}
          </Button>
          {cancel}
        </Group>
      </Stack>
    </form>
  );
}
