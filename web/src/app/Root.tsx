import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { SignInScreen } from '../features/auth/SignInScreen';
import { useMe } from '../features/auth/session';
import { Shell } from './Shell';

const EnrolmentRequiredScreen = lazy(() => import('../features/account/EnrolmentRequiredScreen').then((m) => ({ default: m.EnrolmentRequiredScreen })));

/**
 * Without a session every URL shows the sign-in screen (and stays the same URL); a session limited
 * to two-factor enrolment shows only enrolment; otherwise the shell.
 */
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
  // The two-factor policy covers this user and they have not enrolled: enrolment or sign-out only.
  if (me.data.secondFactorEnrolmentRequired) {
    return (
      <Suspense fallback={<Loader aria-label={t('common.loading')} />}>
        <EnrolmentRequiredScreen me={me.data} />
      </Suspense>
    );
  }
  return <Shell me={me.data} />;
}
