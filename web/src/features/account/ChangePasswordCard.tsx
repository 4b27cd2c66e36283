import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { PasswordFeedback } from '../admin/PasswordFeedback';
import { useChangePassword } from './queries';

/** Change my password: the current one, the new one twice. The API's refusal is shown beside the fields. */
export function ChangePasswordCard() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const dirty = Boolean(current || next || confirm);
  useBlocker({ shouldBlockFn: () => !window.confirm(t('common.unsavedConfirm')), disabled: !dirty, enableBeforeUnload: () => dirty });

  const problems = (field: string) => (change.error instanceof ApiError ? change.error.fieldProblems.find((f) => f.field === field)?.problems : undefined);
  const currentWrong = problems('currentPassword');
  const newProblems = problems('newPassword');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (next !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
        },
      },
    );
  };

  return (
    <SectionCard title={t('account.password.title')} explain={t('account.password.explain')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {change.isSuccess && !dirty && (
            <Alert color="green" role="status">
              {t('account.password.done')}
            </Alert>
          )}
          {change.error && !currentWrong && !newProblems && <ErrorAlert error={change.error} />}
          <PasswordInput
            label={t('account.password.current')}
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={currentWrong ? t('account.password.currentWrong') : undefined}
          />
          <PasswordInput
            label={t('account.password.new')}
            description={t('account.password.rules')}
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={newProblems ? t('admin.users.passwordRefused') : undefined}
          />
          {newProblems && <PasswordFeedback problems={newProblems} />}
          <PasswordInput
            label={t('account.password.confirm')}
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => {
              setConfirm(e.currentTarget.value);
              setMismatch(false);
            }}
            error={mismatch ? t('account.password.mismatch') : undefined}
          />
          <Group>
            <Button type="submit" loading={change.isPending} disabled={!current || !next || !confirm}>
              {t('account.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
