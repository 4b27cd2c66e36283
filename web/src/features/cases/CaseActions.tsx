import { Alert, Button, Group, List, Modal, Paper, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { Link, useBlocker } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { changedFields, fieldConflicts, mergeCaseEdit, type CaseEditValues, type FieldConflict, type MergeChoices } from './case-merge';
import { fieldError } from './field-error';
import { fetchCaseNow, useUpdateCase, type CaseSummary } from './queries';

const valuesOf = (c: CaseSummary): CaseEditValues => ({ title: c.title, description: c.description ?? '' });

/** The summary for print, edit, archive and reopen: for the case's leads. */
export function CaseActions({ kase }: { kase: CaseSummary }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  if (kase.myRole !== 'lead') return null;
  return (
    <>
      <Button variant="default" renderRoot={(props) => <Link {...props} to="/cases/$caseId/summary" params={{ caseId: kase.id }} />}>
        {t('summary.open')}
      </Button>
      {kase.status === 'active' && (
        <Button variant="default" onClick={() => setEditing(true)}>
          {t('cases.edit.open')}
        </Button>
      )}
      <Button variant="default" onClick={() => setArchiving(true)}>
        {kase.status === 'active' ? t('cases.archive.open') : t('cases.reopen.open')}
      </Button>
      {editing && <EditCaseModal kase={kase} onClose={() => setEditing(false)} />}
      <StatusModal kase={kase} opened={archiving} onClose={() => setArchiving(false)} />
    </>
  );
}

interface Conflict {
  theirs: CaseSummary;
  conflicts: FieldConflict[];
}

/**
 * Title and description. A stale save (409) does not overwrite: it shows my version and the one
 * saved meanwhile side by side, the user picks per field, and the merge is saved on the server's
 * version. Leaving with unsaved changes asks first.
 */
function EditCaseModal({ kase, onClose }: { kase: CaseSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCase(kase.id);
  const [base] = useState(kase);
  const [mine, setMine] = useState<CaseEditValues>(valuesOf(kase));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [choices, setChoices] = useState<MergeChoices>({});
  const [loadError, setLoadError] = useState<unknown>(null);
  const dirty = Object.keys(changedFields(valuesOf(base), mine)).length > 0;
  const titleMissing = !mine.title.trim();

  useBlocker({ shouldBlockFn: () => dirty && !window.confirm(t('cases.edit.leave')), enableBeforeUnload: () => dirty });

  const close = () => {
    if (dirty && !window.confirm(t('cases.edit.leave'))) return;
    onClose();
  };

  const save = (from: CaseSummary, values: CaseEditValues) => {
    const changes = changedFields(valuesOf(from), values);
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate(
      { version: from.version, ...changes },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT') return;
          fetchCaseNow(kase.id).then(
            (theirs) => {
              setConflict({ theirs, conflicts: fieldConflicts(valuesOf(base), values, valuesOf(theirs)) });
              setChoices({});
              update.reset();
            },
            setLoadError,
          );
        },
      },
    );
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('cases.close') }} opened onClose={close} title={conflict ? t('cases.conflict.title') : t('cases.edit.title')} size={conflict ? 'xl' : 'lg'}>
      {conflict ? (
        <ConflictView conflict={conflict} choices={choices} onChoose={(field, side) => setChoices((c) => ({ ...c, [field]: side }))}>
          {update.error && <ErrorAlert error={update.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cases.cancel')}
            </Button>
            <Button loading={update.isPending} onClick={() => save(conflict.theirs, mergeCaseEdit(conflict.conflicts, valuesOf(conflict.theirs), choices))}>
              {t('cases.conflict.save')}
            </Button>
          </Group>
        </ConflictView>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!titleMissing) save(base, { title: mine.title.trim(), description: mine.description });
          }}
        >
          <Stack>
            <TextInput
              label={t('cases.fields.title')}
              withAsterisk
              maxLength={300}
              value={mine.title}
              onChange={(e) => setMine({ ...mine, title: e.currentTarget.value })}
              error={titleMissing ? t('cases.fields.titleRequired') : fieldError(t, update.error, 'title')}
              data-autofocus
            />
            <Textarea
              label={t('cases.fields.description')}
              autosize
              minRows={3}
              maxLength={10000}
              value={mine.description}
              onChange={(e) => setMine({ ...mine, description: e.currentTarget.value })}
              error={fieldError(t, update.error, 'description')}
            />
            {update.error && !(update.error instanceof ApiError && update.error.code === 'VERSION_CONFLICT') && <ErrorAlert error={update.error} />}
            {loadError != null && <ErrorAlert error={loadError} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('cases.cancel')}
              </Button>
              <Button type="submit" loading={update.isPending} disabled={titleMissing}>
                {t('cases.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function ConflictView({
  conflict,
  choices,
  onChoose,
  children,
}: {
  conflict: Conflict;
  choices: MergeChoices;
  onChoose: (field: FieldConflict['field'], side: 'mine' | 'theirs') => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="red.9" variant="outline" title={t('errors.VERSION_CONFLICT')}>
        {conflict.conflicts.length > 0 ? t('cases.conflict.explain') : t('cases.conflict.noOverlap')}
      </Alert>
      {conflict.conflicts.map((c) => {
        const chosen = choices[c.field] ?? c.suggested;
        const label = t(`cases.fields.${c.field}`);
        return (
          <Radio.Group key={c.field} label={t('cases.conflict.choose', { field: label })} value={chosen} onChange={(v) => onChoose(c.field, v as 'mine' | 'theirs')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              {(['mine', 'theirs'] as const).map((side) => (
                <Paper key={side} withBorder p="sm" bg={chosen === side ? 'var(--mantine-color-blue-light)' : undefined}>
                  <Radio value={side} label={t(`cases.conflict.${side}`)} mb="xs" />
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid={`${c.field}-${side}`}>
                    {(side === 'mine' ? c.mine : c.theirs) || t('cases.conflict.empty')}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          </Radio.Group>
        );
      })}
      {children}
    </Stack>
  );
}

/** Archive (with what it means) or reopen, on the version the page has. */
function StatusModal({ kase, opened, onClose }: { kase: CaseSummary; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCase(kase.id);
  const archiving = kase.status === 'active';
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <Modal closeButtonProps={{ 'aria-label': t('cases.close') }} opened={opened} onClose={close} title={archiving ? t('cases.archive.title', { title: kase.title }) : t('cases.reopen.title', { title: kase.title })} size="lg">
      <Stack>
        {archiving ? (
          <>
            <Text>{t('cases.archive.explain')}</Text>
            <List size="sm" spacing={4}>
              <List.Item>{t('cases.archive.readOnly')}</List.Item>
              <List.Item>{t('cases.archive.kept')}</List.Item>
              <List.Item>{t('cases.archive.reopen')}</List.Item>
            </List>
          </>
        ) : (
          <Text>{t('cases.reopen.explain')}</Text>
        )}
        {update.error && <ErrorAlert error={update.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('cases.cancel')}
          </Button>
          <Button
            color={archiving ? 'red.9' : undefined}
            loading={update.isPending}
            onClick={() => update.mutate({ version: kase.version, status: archiving ? 'archived' : 'active' }, { onSuccess: close })}
          >
            {archiving ? t('cases.archive.confirm') : t('cases.reopen.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
