import { Anchor, Badge, Button, Group, Loader, Pagination, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { USER_ROLES, USERS_PAGE_SIZE, useUsers, type UserRole } from './queries';

/** Users: found by name or e-mail, filtered by role, a page at a time; each row opens the user. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [role, setRole] = useState<UserRole | null>(null);
  const [page, setPage] = useState(1);
  const users = useUsers({ q: debouncedQ, role, page });
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / USERS_PAGE_SIZE)) : 1;

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={2} size="h3">
          {t('admin.users.title')}
        </Title>
        <Button renderRoot={(props) => <Link {...props} to="/admin/users/new" />}>{t('admin.users.new')}</Button>
      </Group>
      <Group mb="md" align="flex-end">
        <TextInput
          label={t('admin.users.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={280}
        />
        <Select
          label={t('admin.users.roleFilter')}
          placeholder={t('admin.users.allRoles')}
          clearable
          value={role}
          onChange={(value) => {
            setRole(value as UserRole | null);
            setPage(1);
          }}
          data={USER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          w={200}
        />
      </Group>
      {users.isPending && <Loader aria-label={t('common.loading')} />}
      {users.error && <ErrorAlert error={users.error} />}
      {users.data && users.data.items.length === 0 && <Text>{t('admin.users.none')}</Text>}
      {users.data && users.data.items.length > 0 && (
        <>
          <Table striped highlightOnHover aria-label={t('admin.users.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.users.name')}</Table.Th>
                <Table.Th>{t('admin.users.email')}</Table.Th>
                <Table.Th>{t('admin.users.role')}</Table.Th>
                <Table.Th>{t('admin.users.status')}</Table.Th>
                <Table.Th>{t('admin.users.twoFactor')}</Table.Th>
                <Table.Th>{t('admin.users.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Anchor renderRoot={(props) => <Link {...props} to="/admin/users/$userId" params={{ userId: u.id }} />}>{u.displayName}</Anchor>
                  </Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={u.disabled ? 'gray' : 'green'}>
                      {u.disabled ? t('admin.users.disabled') : t('admin.users.active')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{u.twoFactorEnabled ? t('admin.users.twoFactorOn') : t('admin.users.twoFactorOff')}</Table.Td>
                  <Table.Td>{dateFormat.format(new Date(u.createdAt))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" mt="md">
            <Text size="sm" c="dimmed">
              {t('admin.users.total', { n: new Intl.NumberFormat(i18n.language).format(users.data.total) })}
            </Text>
            {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} getControlProps={(control) => ({ 'aria-label': t(`admin.pagination.${control}`) })} />}
          </Group>
        </>
      )}
    </>
  );
}
