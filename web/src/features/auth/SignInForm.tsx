import { Button, PasswordInput, Stack, Text, TextInput, Anchor } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSignIn } from './session';

type Step = 'password' | 'totp' | 'recovery';

/**
 * E-mail and password; when the API answers SECOND_FACTOR_REQUIRED, a second step asks for the
 * authenticator code (or a recovery code) and signs in again with everything.
 */
export function SignInForm({ initialEmail = '', onSignedIn }: { initialEmail?: string; onSignedIn?: () => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [step, setStep] = useState<Step>('password');
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const secondFactor = step === 'totp' ? { totpCode: code.trim() } : step === 'recovery' ? { recoveryCode: code.trim() } : {};
    signIn.mutate(
      { email, password, ...secondFactor },
      {
        onSuccess: () => onSignedIn?.(),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'SECOND_FACTOR_REQUIRED' && step === 'password') {
            signIn.reset();
            setStep('totp');
          } else if (step !== 'password') {
            setCode('');
          }
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {signIn.error && <ErrorAlert error={signIn.error} />}
        {step === 'password' ? (
          <>
            <TextInput label={t('signIn.email')} type="email" autoComplete="username" required withAsterisk={false} value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            <PasswordInput label={t('signIn.password')} autoComplete="current-password" required withAsterisk={false} value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          </>
        ) : (
          <>
            <Text size="sm">{step === 'totp' ? t('signIn.totpHelp') : t('signIn.recoveryHelp')}</Text>
            <TextInput
              key={step}
              label={step === 'totp' ? t('signIn.totpCode') : t('signIn.recoveryCode')}
              autoComplete="one-time-code"
              inputMode={step === 'totp' ? 'numeric' : 'text'}
              required
              withAsterisk={false}
              autoFocus
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setCode('');
                setStep(step === 'totp' ? 'recovery' : 'totp');
              }}
            >
              {step === 'totp' ? t('signIn.useRecoveryCode') : t('signIn.useTotpCode')}
            </Anchor>
          </>
        )}
        <Button type="submit" loading={signIn.isPending}>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
