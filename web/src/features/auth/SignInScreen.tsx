import { Center, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { SignInForm } from './SignInForm';

/** Shown in place of any page when there is no session; the URL stays, so deep links work. */
export function SignInScreen() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
        <Stack>
          <Title order={1} size="h2">
            {t('app.name')}
          </Title>
          <Title order={2} size="h4" fw={500}>
            {t('signIn.title')}
          </Title>
          <SignInForm />
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
