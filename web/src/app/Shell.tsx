import { AppShell, Avatar, Burger, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { ReSignInModal } from '../features/auth/ReSignInModal';
import { useSignOut, type Me } from '../features/auth/session';
import { LanguageSwitch } from './LanguageSwitch';

/** Header (product, language, user menu), navigation, and the page. */
export function Shell({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [navOpen, { toggle }] = useDisclosure();
  const signOut = useSignOut();
  // The path inside the app, without the /app base.
  const path = useRouterState({ select: (s) => s.location.pathname.replace(/^\/app(?=\/|$)/, '') || '/' });

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Text component={Link} to="/" fw={700} size="lg" c="inherit" td="none">
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('userMenu.label')}>
                  <Group gap="xs" wrap="nowrap">
                    <Avatar size="sm" radius="xl" color="blue" aria-hidden>
                      {me.displayName.slice(0, 1).toUpperCase()}
                    </Avatar>
                    <Text size="sm" visibleFrom="sm">
                      {me.displayName}
                    </Text>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.email}</Menu.Label>
                <Menu.Label>{t(`roles.${me.role}`)}</Menu.Label>
                <Menu.Divider />
                <Menu.Item component={Link} to="/account">
                  {t('userMenu.account')}
                </Menu.Item>
                <Menu.Item onClick={() => signOut.mutate()}>{t('userMenu.signOut')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        <NavLink component={Link} to="/" label={t('nav.cases')} active={path === '/' || path.startsWith('/cases/')} />
        <NavLink component={Link} to="/cases" activeOptions={{ exact: true }} label={t('cases.nav')} active={path === '/cases'} />
        <NavLink component={Link} to="/search" label={t('nav.search')} active={path === '/search'} />
        <NavLink component={Link} to="/statistics" label={t('nav.statistics')} active={path === '/statistics'} />
        <NavLink component={Link} to="/reviews" label={t('nav.reviews')} active={path === '/reviews'} />
        <NavLink component={Link} to="/account" label={t('nav.account')} active={path === '/account'} />
        {me.role === 'admin' && <NavLink component={Link} to="/admin" label={t('nav.admin')} active={path === '/admin' || path.startsWith('/admin/')} />}
      </AppShell.Navbar>
      <AppShell.Main>
        {signOut.error && <ErrorAlert error={signOut.error} />}
        <Outlet />
      </AppShell.Main>
      <ReSignInModal me={me} />
    </AppShell>
  );
}
