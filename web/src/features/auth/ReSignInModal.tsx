import { Modal, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_EXPIRED_EVENT } from '../../api/client';
import { SignInForm } from './SignInForm';
import type { Me } from './session';

/**
 * When a request answers 401 while the user is working (session expired or revoked), this asks
 * them to sign in again over the current page: nothing navigates, typed work stays in its form.
 */
export function ReSignInModal({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onExpired = () => setOpen(true);
    window.addEventListener(SESSION_EXPIRED_EVENT, onExpired);
    return () => window.removeEventListener(SESSION_EXPIRED_EVENT, onExpired);
  }, []);
  return (
    <Modal opened={open} onClose={() => undefined} withCloseButton={false} closeOnClickOutside={false} closeOnEscape={false} title={t('session.expiredTitle')} centered>
      <Text size="sm" mb="md">
        {t('session.expiredText')}
      </Text>
      <SignInForm initialEmail={me.email} onSignedIn={() => setOpen(false)} />
    </Modal>
  );
}
