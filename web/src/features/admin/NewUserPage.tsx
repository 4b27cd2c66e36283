import { Button, Group, PasswordInput, Select, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useBlocker, useNavigate } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordFeedback } from './PasswordFeedback';
import { USER_ROLES, useCreateUser, type UserRole } from './queries';

/** A new user with a role and an initial password that the API's policy accepts. */
export function NewUserPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUser();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<UserRole | null>(null);
  const [password, setPassword] = useState('');
  const saved = useRef(false);
  const dirty = Boolean(displayName || email || role || password);
  useBlocker({ shouldBlockFn: () => !saved.current && !window.confirm(t('common.unsavedConfirm')), disabled: !dirty, enableBeforeUnload: () => dirty && !saved.current });

  const problems = (field: string) => (create.error instanceof ApiError ? create.error.fieldProblems.find((f) => f.field === field)?.problems : undefined);
  const passwordProblems = problems('password');
  const fieldError = (field: string) => (problems(field) ? t('admin.users.fieldInvalid') : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!role) return;
    create.mutate(
      { displayName: displayName.trim(), email: email.trim(), role, password },
      {
        onSuccess: (user) => {
          saved.current = true;
          notifications.show({ color: 'green', message: t('admin.users.createdNotice', { name: user.displayName }), closeButtonProps: { 'aria-label': t('common.close') } });
          void navigate({ to: '/admin/users/$userId', params: { userId: user.id } });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={520}>
        <Title order={2} size="h3">
          {t('admin.users.new')}
        </Title>
        {create.error && !passwordProblems && <ErrorAlert error={create.error} />}
        <TextInput label={t('admin.users.name')} required value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={fieldError('displayName')} />
        <TextInput
          label={t('admin.users.email')}
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={create.error instanceof ApiError && create.error.code === 'CONFLICT' ? t('admin.users.emailTaken') : fieldError('email')}
        />
        <Select label={t('admin.users.role')} required value={role} onChange={(v) => setRole(v as UserRole | null)} data={USER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        <PasswordInput
          label={t('admin.users.initialPassword')}
          description={t('admin.users.passwordRules')}
          required
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={passwordProblems ? t('admin.users.passwordRefused') : undefined}
        />
        {passwordProblems && <PasswordFeedback problems={passwordProblems} />}
        <Group>
          <Button type="submit" loading={create.isPending} disabled={!role || !displayName.trim() || !email.trim() || !password}>
            {t('admin.users.create')}
          </Button>
          <Button variant="default" onClick={() => void navigate({ to: '/admin/users' })}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
