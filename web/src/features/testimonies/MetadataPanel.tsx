import { Button, Card, Group, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DatedValueInput, datedValueProblem, LanguagesInput, MembersInput, ModalityRiskInputs, TagsField } from './fields';
import { formatDatedValue, languageName } from './format';
import { fetchTestimony, useUpdateTestimony, type CaseMember, type DatedValue, type Modality, type RiskLevel, type Testimony } from './queries';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

interface Metadata {
  interviewerIds: string[];
  interviewDate: DatedValue;
  languages: string[];
  modality: Modality;
  riskLevel: RiskLevel;
  tags: string[];
}
type Field = keyof Metadata;
const FIELDS: readonly Field[] = ['interviewerIds', 'interviewDate', 'languages', 'modality', 'riskLevel', 'tags'];

const metadataOf = (t: Testimony): Metadata => ({
  interviewerIds: t.interviewerIds,
  interviewDate: { precision: t.interviewDate.precision, date: t.interviewDate.date ?? undefined },
  languages: t.languages,
  modality: t.modality,
  riskLevel: t.riskLevel,
  tags: t.tags,
});
const same = (a: Metadata[Field], b: Metadata[Field]) => JSON.stringify(a) === JSON.stringify(b);

export function MetadataPanel({ caseId, testimony, members, canEdit }: { caseId: string; testimony: Testimony; members: CaseMember[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<{ base: Metadata; baseVersion: number; draft: Metadata } | null>(null);
  const [conflict, setConflict] = useState<{ theirs: Testimony; fields: Field[]; choice: Partial<Record<Field, 'mine' | 'theirs'>> } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const update = useUpdateTestimony(caseId, testimony.id);
  const dirty = editing !== null && FIELDS.some((f) => !same(editing.draft[f], editing.base[f]));
  const memberName = (id: string) => members.find((m) => m.userId === id)?.displayName ?? t('testimonies.formerMember');

  const show = (f: Field, m: Metadata): string => {
    switch (f) {
      case 'interviewerIds': return m.interviewerIds.map(memberName).join(', ') || t('testimonies.none');
      case 'interviewDate': return formatDatedValue(m.interviewDate, i18n.language, t);
      case 'languages': return m.languages.map((l) => languageName(l, i18n.language)).join(', ');
      case 'modality': return t(`testimonies.modalities.${m.modality}`);
      case 'riskLevel': return t(`testimonies.riskLevels.${m.riskLevel}`);
      case 'tags': return m.tags.join(', ') || t('testimonies.none');
    }
  };

  const send = async (version: number, body: Partial<Metadata>) => {
    try {
      await update.mutateAsync({ version, ...body, interviewDate: body.interviewDate && (body.interviewDate.precision === 'unknown' ? { precision: 'unknown' } : body.interviewDate) });
      setEditing(null);
      setConflict(null);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT' && editing) {
        // Someone saved in between: show both versions; nothing is overwritten until the user chooses.
        const theirs = await fetchTestimony(caseId, testimony.id);
        const fields = FIELDS.filter((f) => !same(editing.draft[f], metadataOf(theirs)[f]) && !same(editing.draft[f], editing.base[f]));
        setConflict({ theirs, fields, choice: Object.fromEntries(fields.map((f) => [f, 'mine'])) });
      }
    }
  };

  const save = () => {
    if (!editing) return;
    const p = datedValueProblem(editing.draft.interviewDate) ?? (editing.draft.languages.length ? null : 'testimonies.intake.problems.languages');
    setProblem(p);
    if (p) return;
    const changed = Object.fromEntries(FIELDS.filter((f) => !same(editing.draft[f], editing.base[f])).map((f) => [f, editing.draft[f]]));
    void send(editing.baseVersion, changed);
  };

  const saveMerged = () => {
    if (!editing || !conflict) return;
    const theirs = metadataOf(conflict.theirs);
    const merged = Object.fromEntries(conflict.fields.filter((f) => conflict.choice[f] === 'mine').map((f) => [f, editing.draft[f]]));
    setEditing({ base: theirs, baseVersion: conflict.theirs.version, draft: { ...theirs, ...merged } });
    void send(conflict.theirs.version, merged);
  };

  const current = metadataOf(testimony);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="metadata-title">
      <UnsavedChangesGuard dirty={dirty} />
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="metadata-title">
          {t('testimonies.page.metadata')}
        </Title>
        {canEdit && !editing && (
          <Button variant="default" size="xs" onClick={() => setEditing({ base: current, baseVersion: testimony.version, draft: current })}>
            {t('testimonies.page.edit')}
          </Button>
        )}
      </Group>
      {!editing ? (
        <Table variant="vertical" withTableBorder={false}>
          <Table.Tbody>
            {FIELDS.map((f) => (
              <Table.Tr key={f}>
                <Table.Th w={200}>{t(`testimonies.fields.${f === 'interviewerIds' ? 'interviewers' : f}`)}</Table.Th>
                <Table.Td>{show(f, current)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Stack gap="md">
          <MembersInput members={members} value={editing.draft.interviewerIds} onChange={(interviewerIds) => setEditing({ ...editing, draft: { ...editing.draft, interviewerIds } })} label={t('testimonies.fields.interviewers')} />
          <DatedValueInput value={editing.draft.interviewDate} onChange={(interviewDate) => setEditing({ ...editing, draft: { ...editing.draft, interviewDate } })} error={problem?.startsWith('testimonies.date') ? t(problem) : null} />
          <LanguagesInput value={editing.draft.languages} onChange={(languages) => setEditing({ ...editing, draft: { ...editing.draft, languages } })} />
          <ModalityRiskInputs
            modality={editing.draft.modality}
            riskLevel={editing.draft.riskLevel}
            onModality={(modality) => setEditing({ ...editing, draft: { ...editing.draft, modality } })}
            onRisk={(riskLevel) => setEditing({ ...editing, draft: { ...editing.draft, riskLevel } })}
          />
          <TagsField value={editing.draft.tags} onChange={(tags) => setEditing({ ...editing, draft: { ...editing.draft, tags } })} />
          {problem && !problem.startsWith('testimonies.date') && <Text c="red">{t(problem)}</Text>}
          {conflict && (
            <Card withBorder padding="md" role="region" aria-labelledby="conflict-title" bg="yellow.0">
              <Title order={4} size="h5" id="conflict-title">
                {t('testimonies.conflict.title')}
              </Title>
              <Text size="sm" mb="sm">
                {t('testimonies.conflict.help')}
              </Text>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('testimonies.conflict.field')}</Table.Th>
                    <Table.Th>{t('testimonies.conflict.mine')}</Table.Th>
                    <Table.Th>{t('testimonies.conflict.theirs')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {conflict.fields.map((f) => (
                    <Table.Tr key={f}>
                      <Table.Td>{t(`testimonies.fields.${f === 'interviewerIds' ? 'interviewers' : f}`)}</Table.Td>
                      <Table.Td colSpan={2}>
                        <Radio.Group value={conflict.choice[f]} onChange={(v) => setConflict({ ...conflict, choice: { ...conflict.choice, [f]: v as 'mine' | 'theirs' } })} aria-label={t(`testimonies.fields.${f === 'interviewerIds' ? 'interviewers' : f}`)}>
                          <Group grow>
                            <Radio value="mine" label={show(f, editing.draft)} />
                            <Radio value="theirs" label={show(f, metadataOf(conflict.theirs))} />
                          </Group>
                        </Radio.Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {conflict.fields.length === 0 && <Text size="sm">{t('testimonies.conflict.nothingToMerge')}</Text>}
              <Button mt="sm" onClick={saveMerged} loading={update.isPending}>
                {t('testimonies.conflict.saveMerged')}
              </Button>
            </Card>
          )}
          {update.error && !conflict && <ErrorAlert error={update.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => { setEditing(null); setConflict(null); }}>
              {t('testimonies.page.cancel')}
            </Button>
            {!conflict && (
              <Button onClick={save} loading={update.isPending}>
                {t('testimonies.page.save')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}
