import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { useMe } from '../auth/session';
import { SetPasswordCard } from './SetPasswordCard';
import { USER_ROLES, useResetTwoFactor, useUpdateUser, useUser, type User, type UserRole } from './queries';

const route = getRouteApi('/admin/users/$userId');
type Change = { role?: UserRole; disabled?: boolean };
type Confirm = 'disable' | 'enable' | 'reset';

/** One user: change the role, disable or enable, set a new password, reset two-factor sign-in. */
export function UserPage() {
  const { t } = useTranslation();
  const { userId } = route.useParams();
  const user = useUser(userId);
  if (user.isPending) return <Loader aria-label={t('common.loading')} />;
  if (user.error) return <ErrorAlert error={user.error} />;
  return <UserDetail key={user.data.id} user={user.data} />;
}

function UserDetail({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const update = useUpdateUser(user.id);
  const reset = useResetTwoFactor(user.id);
  const [role, setRole] = useState<UserRole>(user.role);
  // What the dialog asks stays set while it fades out after closing.
  const [shown, setShown] = useState<Confirm>('disable');
  const [confirmOpen, setConfirmOpen] = useState(false);
  const ask = (what: Confirm) => {
    setShown(what);
    setConfirmOpen(true);
  };
  // A change refused with 409: shown beside the current version so the admin decides.
  const [conflict, setConflict] = useState<Change | null>(null);
  const self = me.data?.id === user.id;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });

  const apply = (change: Change, onDone?: () => void) =>
    update.mutate(
      { version: user.version, ...change },
      {
        onSuccess: () => setConflict(null),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') setConflict(change);
        },
        onSettled: () => onDone?.(),
      },
    );
  const describe = (change: Change) =>
    [change.role && t('admin.user.roleIs', { role: t(`roles.${change.role}`) }), change.disabled !== undefined && (change.disabled ? t('admin.users.disabled') : t('admin.users.active'))]
      .filter(Boolean)
      .join(', ');

  return (
    <Stack maw={760}>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/admin/users" />}>
        {t('admin.user.back')}
      </Anchor>
      <Title order={2} size="h3">
        {user.displayName}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Text>
          {t('admin.users.email')}: {user.email}
        </Text>
        <Text>
          {t('admin.users.created')}: {date.format(new Date(user.createdAt))}
        </Text>
        <Group gap="xs">
          <Text>{t('admin.users.status')}:</Text>
          <Badge variant="dot" color={user.disabled ? 'gray' : 'green'}>
            {user.disabled ? t('admin.users.disabled') : t('admin.users.active')}
          </Badge>
        </Group>
        <Text>
          {t('admin.users.twoFactor')}: {user.twoFactorEnabled ? t('admin.users.twoFactorOn') : t('admin.users.twoFactorOff')}
        </Text>
      </SimpleGrid>

      {conflict && (
        <Alert color="red" title={t('errors.VERSION_CONFLICT')} role="alert">
          <Stack gap="xs">
            <Text size="sm">{t('admin.user.conflictYours', { change: describe(conflict) })}</Text>
            <Text size="sm">
              {t('admin.user.conflictCurrent', { change: describe({ role: user.role, disabled: user.disabled }) })}
            </Text>
            <Group>
              <Button size="xs" onClick={() => apply(conflict)}>
                {t('admin.user.conflictApply')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setConflict(null);
                  setRole(user.role);
                }}
              >
                {t('admin.user.conflictKeep')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {update.error && !(update.error instanceof ApiError && update.error.code === 'VERSION_CONFLICT') && <ErrorAlert error={update.error} />}

      <SectionCard order={3} title={t('admin.user.roleTitle')}>
        <Group align="flex-end">
          <Select label={t('admin.users.role')} value={role} onChange={(v) => v && setRole(v as UserRole)} data={USER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} allowDeselect={false} w={220} />
          <Button onClick={() => apply({ role })} disabled={role === user.role} loading={update.isPending}>
            {t('admin.user.saveRole')}
          </Button>
        </Group>
      </SectionCard>

      {!self && (
        <SectionCard order={3} title={t('admin.user.accessTitle')} explain={user.disabled ? t('admin.user.enableExplain') : t('admin.user.disableExplain')}>
          <Group>
            <Button variant="outline" color={user.disabled ? undefined : 'red'} onClick={() => ask(user.disabled ? 'enable' : 'disable')}>
              {user.disabled ? t('admin.user.enable') : t('admin.user.disable')}
            </Button>
          </Group>
        </SectionCard>
      )}

      {!self && <SetPasswordCard user={user} />}

      {!self && (
        <SectionCard order={3} title={t('admin.user.resetTitle')} explain={user.twoFactorEnabled ? t('admin.user.resetExplain') : t('admin.user.resetNothing')}>
          {reset.error && <ErrorAlert error={reset.error} />}
          {reset.isSuccess && !user.twoFactorEnabled && (
            <Alert color="green" role="status" mb="sm">
              {t('admin.user.resetDone', { name: user.displayName })}
            </Alert>
          )}
          <Group>
            <Button variant="outline" color="red" disabled={!user.twoFactorEnabled} onClick={() => ask('reset')}>
              {t('admin.user.reset')}
            </Button>
          </Group>
        </SectionCard>
      )}

      <Modal
        opened={confirmOpen}
        onClose={() => setConfirmOpen(false)}
        centered
        title={shown === 'reset' ? t('admin.user.reset') : shown === 'enable' ? t('admin.user.enable') : t('admin.user.disable')}
      >
        <Stack>
          <Text size="sm">
            {shown === 'reset'
              ? t('admin.user.resetConfirm', { name: user.displayName })
              : shown === 'enable'
                ? t('admin.user.enableConfirm', { name: user.displayName })
                : t('admin.user.disableConfirm', { name: user.displayName })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color={shown === 'enable' ? undefined : 'red'}
              loading={update.isPending || reset.isPending}
              onClick={() => {
                if (shown === 'reset') reset.mutate(undefined, { onSettled: () => setConfirmOpen(false) });
                else apply({ disabled: shown === 'disable' }, () => setConfirmOpen(false));
              }}
            >
              {shown === 'reset' ? t('admin.user.resetSubmit') : shown === 'enable' ? t('admin.user.enable') : t('admin.user.disable')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
