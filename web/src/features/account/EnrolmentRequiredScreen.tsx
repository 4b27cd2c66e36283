import { Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useRefreshMe, useSignOut, type Me } from '../auth/session';
import { TwoFactorSetup } from './TwoFactorSetup';

/**
 * The two-factor policy covers this user and they have no second factor yet: the session may only
 * enrol or sign out (the API refuses anything else), so this is all the app shows.
 */
export function EnrolmentRequiredScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const refreshMe = useRefreshMe();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={560} maw="100%">
        <Stack>
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
          <PageTitle title={t('account.enrolmentRequired.title')} />
          <Text>{t('account.enrolmentRequired.explain', { name: me.displayName })}</Text>
          <Title order={2} size="h4">
            {t('account.twoFactor.title')}
          </Title>
          <TwoFactorSetup onFinished={() => void refreshMe()} />
          {signOut.error && <ErrorAlert error={signOut.error} />}
          <Group justify="space-between">
            <LanguageSwitch />
            <Button variant="subtle" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              {t('userMenu.signOut')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
