import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { SignInScreen } from '../features/auth/SignInScreen';
import { useMe } from '../features/auth/session';
import { Shell } from './Shell';

/** Without a session every URL shows the sign-in screen (and stays the same URL); with one, the shell. */
export function Root() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (me.error) return <ErrorAlert error={me.error} />;
  if (!me.data) return <SignInScreen />;
  return <Shell me={me.data} />;
}
