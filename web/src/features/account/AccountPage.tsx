import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { SectionCard } from '../../components/SectionCard';
import { useMe, useRefreshMe, useSignOutEverywhere, type Me } from '../auth/session';
import { ChangePasswordCard } from './ChangePasswordCard';
import { useDisableTwoFactor, useRegenerateRecoveryCodes } from './queries';
import { RecoveryCodes } from './RecoveryCodes';
import { SecondFactorProofModal } from './SecondFactorProofModal';
import { TwoFactorSetup } from './TwoFactorSetup';

type Dialog = 'none' | 'disable' | 'regenerate' | 'signOutAll';

/** My account: language, password, two-factor sign-in (on, off, recovery codes) and signing out everywhere. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return null;
  return (
    <>
      <PageTitle title={t('account.title')} />
      <Stack maw={720}>
        <SectionCard title={t('account.profile.title')}>
          <Text>{me.data.displayName}</Text>
          <Text size="sm" c="dimmed">
            {me.data.email} · {t(`roles.${me.data.role}`)}
          </Text>
        </SectionCard>
        <SectionCard title={t('account.language.title')} explain={t('account.language.explain')}>
          <Group>
            <LanguageSwitch />
          </Group>
        </SectionCard>
        <ChangePasswordCard />
        <TwoFactorCard me={me.data} />
        <SignOutEverywhereCard />
      </Stack>
    </>
  );
}

function TwoFactorCard({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const refreshMe = useRefreshMe();
  const disable = useDisableTwoFactor();
  const regenerate = useRegenerateRecoveryCodes();
  const [dialog, setDialog] = useState<Dialog>('none');
  const [settingUp, setSettingUp] = useState(false);
  const { twoFactor } = me;
  const close = () => {
    setDialog('none');
    disable.reset();
  };

  let body;
  if (regenerate.data) {
    body = (
      <RecoveryCodes
        codes={regenerate.data.recoveryCodes}
        onDone={() => {
          regenerate.reset();
          void refreshMe();
        }}
      />
    );
  } else if (settingUp) {
    body = (
      <TwoFactorSetup
        onCancel={() => setSettingUp(false)}
        onFinished={() => {
          setSettingUp(false);
          void refreshMe();
        }}
      />
    );
  } else if (twoFactor.enabled) {
    const since = twoFactor.enabledAt ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(twoFactor.enabledAt)) : '';
    body = (
      <Stack gap="xs">
        <Text>{t('account.twoFactor.onSince', { date: since })}</Text>
        <Text size="sm">{t('account.twoFactor.codesLeft', { n: twoFactor.recoveryCodesRemaining })}</Text>
        <Group mt="xs">
          <Button variant="default" onClick={() => setDialog('regenerate')}>
            {t('account.twoFactor.regenerate')}
          </Button>
          <Button variant="outline" color="red" onClick={() => setDialog('disable')}>
            {t('account.twoFactor.disable')}
          </Button>
        </Group>
      </Stack>
    );
  } else {
    body = (
      <Stack gap="xs">
        <Text>{t('account.twoFactor.off')}</Text>
        <Group>
          <Button onClick={() => setSettingUp(true)}>{t('account.twoFactor.turnOn')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <SectionCard
      title={t('account.twoFactor.title')}
      badges={
        <>
          {twoFactor.required && <Badge variant="outline">{t('account.twoFactor.requiredBadge')}</Badge>}
          <Badge variant="dot" color={twoFactor.enabled ? 'green' : 'gray'}>
            {twoFactor.enabled ? t('account.twoFactor.statusOn') : t('account.twoFactor.statusOff')}
          </Badge>
        </>
      }
    >
      {body}
      <SecondFactorProofModal
        opened={dialog === 'regenerate'}
        title={t('account.twoFactor.regenerate')}
        explain={t('account.twoFactor.regenerateExplain')}
        submitLabel={t('account.twoFactor.regenerateSubmit')}
        pending={regenerate.isPending}
        error={regenerate.error}
        onClose={() => {
          setDialog('none');
          regenerate.reset();
        }}
        onSubmit={(code) => regenerate.mutate(code, { onSuccess: () => setDialog('none') })}
      />
      <SecondFactorProofModal
        opened={dialog === 'disable'}
        title={t('account.twoFactor.disable')}
        explain={twoFactor.required ? t('account.twoFactor.disableRequiredExplain') : t('account.twoFactor.disableExplain')}
        submitLabel={t('account.twoFactor.disableSubmit')}
        danger
        pending={disable.isPending}
        error={disable.error}
        onClose={close}
        onSubmit={(code) =>
          disable.mutate(code, {
            onSuccess: () => {
              close();
              void refreshMe();
            },
          })
        }
      />
    </SectionCard>
  );
}

function SignOutEverywhereCard() {
  const { t } = useTranslation();
  const signOutAll = useSignOutEverywhere();
  const [open, setOpen] = useState(false);
  return (
    <SectionCard title={t('account.signOutAll.title')} explain={t('account.signOutAll.explain')}>
      <Group>
        <Button variant="outline" color="red" onClick={() => setOpen(true)}>
          {t('account.signOutAll.button')}
        </Button>
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('account.signOutAll.title')} centered>
        <Stack>
          <Text size="sm">{t('account.signOutAll.confirm')}</Text>
          {signOutAll.error && <ErrorAlert error={signOutAll.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={signOutAll.isPending} onClick={() => signOutAll.mutate()}>
              {t('account.signOutAll.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SectionCard>
  );
}
