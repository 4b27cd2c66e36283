import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { PasswordFeedback } from './PasswordFeedback';
import { useSetUserPassword, type User } from './queries';

/** An admin sets a new password for someone else, after a confirmation that they are signed out everywhere. */
export function SetPasswordCard({ user }: { user: User }) {
  const { t } = useTranslation();
  const setPassword = useSetUserPassword(user.id);
  const [password, setPasswordValue] = useState('');
  const [confirmOpen, setConfirmOpen] = useState(false);
  useBlocker({ shouldBlockFn: () => !window.confirm(t('common.unsavedConfirm')), disabled: !password, enableBeforeUnload: () => Boolean(password) });

  const problems = setPassword.error instanceof ApiError ? setPassword.error.fieldProblems.find((f) => f.field === 'newPassword')?.problems : undefined;
  const ask = (event: FormEvent) => {
    event.preventDefault();
    setConfirmOpen(true);
  };
  const submit = () =>
    setPassword.mutate(
      { newPassword: password, version: user.version },
      {
        onSuccess: () => setPasswordValue(''),
        onSettled: () => setConfirmOpen(false),
      },
    );

  return (
    <SectionCard order={3} title={t('admin.user.passwordTitle')} explain={t('admin.user.passwordExplain')}>
      <form onSubmit={ask} noValidate>
        <Stack gap="sm">
          {setPassword.isSuccess && !password && (
            <Alert color="green" role="status">
              {t('admin.user.passwordDone', { name: user.displayName })}
            </Alert>
          )}
          {setPassword.error && !problems && <ErrorAlert error={setPassword.error} />}
          <PasswordInput
            label={t('admin.user.passwordNew')}
            description={t('admin.users.passwordRules')}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPasswordValue(e.currentTarget.value)}
            error={problems ? t('admin.users.passwordRefused') : undefined}
            maw={420}
          />
          {problems && <PasswordFeedback problems={problems} />}
          <Group>
            <Button type="submit" variant="outline" color="red" disabled={!password}>
              {t('admin.user.passwordSet')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal opened={confirmOpen} onClose={() => setConfirmOpen(false)} centered title={t('admin.user.passwordSet')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <Text size="sm">{t('admin.user.passwordConfirm', { name: user.displayName })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={setPassword.isPending} onClick={submit}>
              {t('admin.user.passwordSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SectionCard>
  );
}
