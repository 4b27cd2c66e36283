import { Button, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { Notice } from './Notice';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formIsDirty, formToIdentity, identityToForm, type Identity } from './identity';
import { IdentityFields } from './IdentityFields';
import { IdentityView } from './IdentityView';
import { ConflictMerge } from './ConflictMerge';
import { EraseIdentityModal } from './EraseIdentityModal';
import { fetchIdentity, useIdentity, useSaveIdentity, type Person, type PersonIdentity } from './queries';
import { useUnsavedGuard } from './useUnsavedGuard';

/** Edits an identity at a version; a 409 opens the merge of both versions. */
function IdentityEditor({ caseId, person, start, version, onDone }: { caseId: string; person: Person; start: Identity | null; version: number; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveIdentity(caseId, person.id);
  const [form, setForm] = useState(() => identityToForm(start));
  const [conflict, setConflict] = useState<PersonIdentity | null>(null);
  const [conflictError, setConflictError] = useState<unknown>(null);
  const guard = useUnsavedGuard(formIsDirty(form, start));
  const finish = () => {
    guard.leaveWithoutAsking();
    onDone();
  };

  const submit = (identity: Identity, atVersion: number) =>
    save.mutate(
      { version: atVersion, identity },
      {
        onSuccess: finish,
        onError: (error) => {
          if (!(error instanceof ApiError && error.code === 'VERSION_CONFLICT')) return;
          // Read what the other person saved (an audited read, like the reveal) to show both versions.
          fetchIdentity(caseId, person.id).then(setConflict, setConflictError);
        },
      },
    );

  if (conflict) {
    return (
      <ConflictMerge
        mine={formToIdentity(form)}
        theirs={conflict.identity ?? {}}
        saving={save.isPending}
        onSave={(merged) => {
          setForm(identityToForm(merged));
          setConflict(null);
          submit(merged, conflict.version);
        }}
        onCancel={finish}
      />
    );
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(formToIdentity(form), version);
      }}
    >
      <Stack gap="md">
        <IdentityFields value={form} onChange={setForm} problems={save.error instanceof ApiError ? save.error.fieldProblems : []} />
        {save.error && !(save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT') && <ErrorAlert error={save.error} />}
        {conflictError !== null && <ErrorAlert error={conflictError} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('people.identity.save')}
          </Button>
          <Button variant="default" onClick={finish}>
            {t('people.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The identity of a person, for members with identity clearance. Nothing is requested until the
 * user presses "Reveal identity" and confirms that the reveal is recorded in the audit log; the
 * identity lives only in memory while the panel shows it (dropped on hide and on leaving the page).
 */
export function IdentityPanel({ caseId, person, canRecord }: { caseId: string; person: Person; canRecord: boolean }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const [editing, setEditing] = useState(false);
  const [erasing, setErasing] = useState(false);
  const identity = useIdentity(caseId, person.id, revealed && !person.identityErasedAt);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' });
  const hide = () => {
    setEditing(false);
    setRevealed(false);
  };

  let body;
  if (person.identityErasedAt) {
    body = <Text>{t('people.identity.erasedOn', { date: dateFormat.format(new Date(person.identityErasedAt)), code: person.code })}</Text>;
  } else if (!person.hasIdentity) {
    body = editing ? (
      <IdentityEditor caseId={caseId} person={person} start={null} version={person.version} onDone={() => setEditing(false)} />
    ) : (
      <Stack gap="sm" align="flex-start">
        <Text>{t('people.identity.noneOnFile')}</Text>
        {canRecord && <Button onClick={() => setEditing(true)}>{t('people.identity.record')}</Button>}
      </Stack>
    );
  } else if (!revealed) {
    body = (
      <Stack gap="sm" align="flex-start">
        <Text>{t('people.identity.sealed', { code: person.code })}</Text>
        <Group>
          <Button onClick={() => setConfirming(true)}>{t('people.reveal.button')}</Button>
          {canRecord && (
            <Button variant="outline" color="red" onClick={() => setErasing(true)}>
              {t('people.erase.button')}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('people.reveal.recordedNote')}
        </Text>
      </Stack>
    );
  } else if (identity.isPending) {
    body = <Loader aria-label={t('common.loading')} />;
  } else if (identity.error) {
    body = <ErrorAlert error={identity.error} />;
  } else if (editing) {
    body = <IdentityEditor caseId={caseId} person={person} start={identity.data.identity ?? null} version={identity.data.version} onDone={() => setEditing(false)} />;
  } else {
    body = (
      <Stack gap="sm">
        {identity.data.identity ? <IdentityView identity={identity.data.identity} /> : <Text>{t('people.identity.noneOnFile')}</Text>}
        <Group>
          {canRecord && <Button onClick={() => setEditing(true)}>{t('people.identity.edit')}</Button>}
          <Button variant="default" onClick={hide}>
            {t('people.reveal.hide')}
          </Button>
          {canRecord && (
            <Button variant="outline" color="red" onClick={() => setErasing(true)}>
              {t('people.erase.button')}
            </Button>
          )}
        </Group>
      </Stack>
    );
  }

  return (
    <Paper withBorder p="md" mt="md" component="section" aria-labelledby="identity-panel-title">
      <Title order={3} id="identity-panel-title" mb="sm">
        {t('people.identity.title')}
      </Title>
      {body}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('people.reveal.title', { code: person.code })} closeButtonProps={{ 'aria-label': t('people.close') }}>
        <Stack gap="sm">
          <Notice color="yellow" variant="light">
            {t('people.reveal.warning')}
          </Notice>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('people.cancel')}
            </Button>
            <Button
              onClick={() => {
                setConfirming(false);
                setRevealed(true);
              }}
            >
              {t('people.reveal.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <EraseIdentityModal
        caseId={caseId}
        person={person}
        opened={erasing}
        onClose={() => {
          setErasing(false);
        }}
      />
    </Paper>
  );
}
