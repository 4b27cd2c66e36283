import { Anchor, Button, Checkbox, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { Notice } from './Notice';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCase } from '../cases/queries';
import { emptyIdentityForm, formIsDirty, formToIdentity, PERSON_KINDS, type PersonKind } from './identity';
import { IdentityFields } from './IdentityFields';
import { useCreatePerson } from './queries';
import { useUnsavedGuard } from './useUnsavedGuard';

const route = getRouteApi('/cases/$caseId/people/new');

/** Registers a person: a kind (the pseudonym code follows from it) and, for cleared members, optionally the identity. */
export function NewPersonPage() {
  const { t } = useTranslation();
  const { caseId } = route.useParams();
  const navigate = useNavigate();
  const kase = useCase(caseId);
  const create = useCreatePerson(caseId);
  const [kind, setKind] = useState<PersonKind>('witness');
  const [withIdentity, setWithIdentity] = useState(false);
  const [identity, setIdentity] = useState(emptyIdentityForm);
  const cleared = kase.data?.myIdentityClearance ?? false;
  const guard = useUnsavedGuard(withIdentity && formIsDirty(identity, null));

  if (kase.isPending) return <Loader aria-label={t('common.loading')} />;
  if (kase.error) return <ErrorAlert error={kase.error} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = cleared && withIdentity ? { kind, identity: formToIdentity(identity) } : { kind };
    create.mutate(body, {
      onSuccess: (person) => {
        // The typed identity leaves the page with the form: the person page shows it only on reveal.
        guard.leaveWithoutAsking();
        void navigate({ to: '/cases/$caseId/people/$personId', params: { caseId, personId: person.id } });
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack mt="md" gap="md" maw={900}>
        <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/cases/$caseId/people" params={{ caseId }} />}>
          {t('people.backToRegister')}
        </Anchor>
        <Title order={2}>{t('people.newTitle')}</Title>
        <Text size="sm">{t('people.newHelp')}</Text>
        <NativeSelect label={t('people.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as PersonKind)} data={PERSON_KINDS.map((k) => ({ value: k, label: t(`people.kinds.${k}`) }))} maw={320} />
        {cleared ? (
          <>
            <Checkbox label={t('people.recordIdentityNow')} description={t('people.recordIdentityHelp')} checked={withIdentity} onChange={(e) => setWithIdentity(e.currentTarget.checked)} />
            {withIdentity && <IdentityFields value={identity} onChange={setIdentity} problems={create.error instanceof ApiError ? create.error.fieldProblems : []} />}
          </>
        ) : (
          <Notice variant="light" color="gray">
            {t('people.unclearedNote')}
          </Notice>
        )}
        {create.error && <ErrorAlert error={create.error} />}
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('people.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
