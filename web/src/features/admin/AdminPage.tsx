import { Alert, Tabs } from '@mantine/core';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { useMe } from '../auth/session';

export const ADMIN_TABS = ['users', 'two-factor', 'audit'] as const;
type AdminTab = (typeof ADMIN_TABS)[number];
const TAB_KEYS: Record<AdminTab, string> = { users: 'admin.tabs.users', 'two-factor': 'admin.tabs.twoFactor', audit: 'admin.tabs.audit' };

/**
 * Administration (admins only): users, the two-factor policy, audit-chain verification, each a
 * child route. Others are refused here too (and by the API), not only hidden from the navigation.
 */
export function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const active = ADMIN_TABS.find((tab) => pathname.includes(`/admin/${tab}`)) ?? 'users';

  if (me.data?.role !== 'admin') {
    return (
      <>
        <PageTitle title={t('admin.title')} />
        <Alert color="red" role="alert">
          {t('admin.adminsOnly')}
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageTitle title={t('admin.title')} />
      <Tabs value={active} onChange={(tab) => tab && void navigate({ to: `/admin/${tab as AdminTab}` })}>
        <Tabs.List aria-label={t('admin.tabsLabel')} mb="md">
          {ADMIN_TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(TAB_KEYS[tab])}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {ADMIN_TABS.map((tab) => (
          <Tabs.Panel key={tab} value={tab}>
            {tab === active && <Outlet />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
