import { Alert, Button, Checkbox, Group, Loader, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { USER_ROLES, useTwoFactorPolicy, useUpdateTwoFactorPolicy, type TwoFactorPolicy, type UserRole } from './queries';

type Scope = 'none' | 'all' | 'roles';
const scopeOf = (p: TwoFactorPolicy): Scope => (p.requiredForAll ? 'all' : p.requiredRoles.length ? 'roles' : 'none');

/** Who must sign in with two factors: nobody, everyone, or some roles. */
export function TwoFactorPolicyPage() {
  const { t } = useTranslation();
  const policy = useTwoFactorPolicy();
  if (policy.isPending) return <Loader aria-label={t('common.loading')} />;
  if (policy.error) return <ErrorAlert error={policy.error} />;
  return <PolicyForm key={policy.data.version} policy={policy.data} />;
}

function PolicyForm({ policy }: { policy: TwoFactorPolicy }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateTwoFactorPolicy();
  const [scope, setScope] = useState<Scope>(scopeOf(policy));
  const [roles, setRoles] = useState<UserRole[]>(policy.requiredRoles);
  const [conflict, setConflict] = useState<{ scope: Scope; roles: UserRole[] } | null>(null);
  const describe = (s: Scope, r: UserRole[]) =>
    s === 'all' ? t('admin.policy.all') : s === 'roles' && r.length ? t('admin.policy.rolesList', { roles: r.map((x) => t(`roles.${x}`)).join(', ') }) : t('admin.policy.none');

  const save = (next: { scope: Scope; roles: UserRole[] }, version: number) =>
    update.mutate(
      { version, requiredForAll: next.scope === 'all', requiredRoles: next.scope === 'roles' ? next.roles : [] },
      {
        onSuccess: () => {
          setConflict(null);
          notifications.show({ color: 'green', message: t('admin.policy.saved'), closeButtonProps: { 'aria-label': t('common.close') } });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') setConflict(next);
        },
      },
    );

  return (
    <Stack maw={640}>
      <Title order={2} size="h3">
        {t('admin.policy.title')}
      </Title>
      <Text size="sm">{t('admin.policy.explain')}</Text>
      <Text size="sm" c="dimmed">
        {t('admin.policy.current', { policy: describe(scopeOf(policy), policy.requiredRoles), date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(policy.updatedAt)) })}
      </Text>
      {conflict && (
        <Alert color="red" title={t('errors.VERSION_CONFLICT')} role="alert">
          <Stack gap="xs">
            <Text size="sm">{t('admin.policy.conflictYours', { policy: describe(conflict.scope, conflict.roles) })}</Text>
            <Text size="sm">{t('admin.policy.conflictCurrent', { policy: describe(scopeOf(policy), policy.requiredRoles) })}</Text>
            <Group>
              <Button size="xs" onClick={() => save(conflict, policy.version)}>
                {t('admin.policy.conflictApply')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {update.error && !conflict && <ErrorAlert error={update.error} />}
      <Radio.Group label={t('admin.policy.who')} value={scope} onChange={(v) => setScope(v as Scope)}>
        <Stack gap="xs" mt="xs">
          <Radio value="none" label={t('admin.policy.none')} />
          <Radio value="all" label={t('admin.policy.all')} />
          <Radio value="roles" label={t('admin.policy.roles')} />
        </Stack>
      </Radio.Group>
      {scope === 'roles' && (
        <Checkbox.Group label={t('admin.policy.rolesLabel')} value={roles} onChange={(v) => setRoles(v as UserRole[])}>
          <Stack gap="xs" mt="xs" ml="lg">
            {USER_ROLES.map((r) => (
              <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <Text size="sm">{t('admin.policy.effect')}</Text>
      <Group>
        <Button onClick={() => save({ scope, roles }, policy.version)} loading={update.isPending} disabled={scope === 'roles' && roles.length === 0}>
          {t('admin.policy.save')}
        </Button>
      </Group>
    </Stack>
  );
}
