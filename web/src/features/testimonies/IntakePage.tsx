import { Alert, Button, Card, Group, List, Loader, SegmentedControl, Select, Stack, Stepper, Text, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PseudonymBadge } from '../../components/PseudonymBadge';
import { useMe } from '../auth/session';
import { useCase } from '../cases/queries';
import { ConsentForm, consentInput, emptyConsent, type ConsentDraft } from './ConsentForm';
import { DatedValueInput, datedValueProblem, LanguagesInput, MembersInput, ModalityRiskInputs, SensitiveInputs, TagsField } from './fields';
import { formatDatedValue, languageName } from './format';
import {
  createPerson, createTestimony, PERSON_KINDS, testimonyKeys, useCaseMembers, usePeopleByCode,
  type DatedValue, type Modality, type Person, type PersonKind, type RiskLevel, type TestimonySensitive,
} from './queries';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

const route = getRouteApi('/cases/$caseId/testimonies/new');

interface IntakeDraft {
  intervieweeMode: 'existing' | 'new';
  interviewee: Person | null;
  newKind: PersonKind | null;
  interviewerIds: string[];
  interviewDate: DatedValue;
  languages: string[];
  modality: Modality | null;
  riskLevel: RiskLevel | null;
  tags: string[];
  sensitive: TestimonySensitive;
  consentTaken: boolean;
  consent: ConsentDraft;
}

type StepId = 'interviewee' | 'interview' | 'sensitive' | 'consent' | 'review';

/** Testimony intake as one guided flow; the sensitive step exists only for cleared members. */
export function IntakePage() {
  const { t } = useTranslation();
  const { caseId } = route.useParams();
  const kase = useCase(caseId);
  const members = useCaseMembers(caseId);
  const me = useMe();
  if (kase.isPending || members.isPending || me.isPending) return <Loader aria-label={t('common.loading')} />;
  if (kase.error || members.error || me.error) return <ErrorAlert error={kase.error ?? members.error ?? me.error} />;
  return <IntakeFlow caseId={caseId} cleared={kase.data.myIdentityClearance} members={members.data} meId={me.data?.id ?? ''} />;
}

function IntakeFlow({ caseId, cleared, members, meId }: { caseId: string; cleared: boolean; members: Parameters<typeof MembersInput>[0]['members']; meId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const steps: StepId[] = cleared ? ['interviewee', 'interview', 'sensitive', 'consent', 'review'] : ['interviewee', 'interview', 'consent', 'review'];
  const [active, setActive] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  // A person registered inline is kept, so a retry after a failed save does not register twice.
  const [registered, setRegistered] = useState<Person | null>(null);
  const [draft, setDraft] = useState<IntakeDraft>(() => ({
    intervieweeMode: 'new',
    interviewee: null,
    newKind: 'witness',
    interviewerIds: members.some((m) => m.userId === meId) ? [meId] : [],
    interviewDate: { precision: 'day', date: undefined },
    languages: ['ko'],
    modality: 'in_person',
    riskLevel: null,
    tags: [],
    sensitive: {},
    consentTaken: true,
    consent: emptyConsent(members.some((m) => m.userId === meId) ? meId : ''),
  }));
  const update = (patch: Partial<IntakeDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
    setProblems([]);
  };

  const stepProblems = (step: StepId): string[] => {
    const p: string[] = [];
    if (step === 'interviewee') {
      if (draft.intervieweeMode === 'existing' && !draft.interviewee) p.push('testimonies.intake.problems.interviewee');
      if (draft.intervieweeMode === 'new' && !draft.newKind) p.push('testimonies.intake.problems.kind');
    }
    if (step === 'interview') {
      const date = datedValueProblem(draft.interviewDate);
      if (date) p.push(date);
      if (!draft.languages.length) p.push('testimonies.intake.problems.languages');
      if (!draft.modality) p.push('testimonies.intake.problems.modality');
      if (!draft.riskLevel) p.push('testimonies.intake.problems.riskLevel');
    }
    if (step === 'consent' && draft.consentTaken) {
      if (!draft.consent.takenBy) p.push('testimonies.intake.problems.takenBy');
      if (!draft.consent.takenAt) p.push('testimonies.intake.problems.takenAt');
    }
    return p;
  };

  const next = () => {
    const p = stepProblems(steps[active] ?? 'review');
    setProblems(p);
    if (!p.length) setActive((a) => Math.min(a + 1, steps.length - 1));
  };

  const save = async () => {
    const all = steps.flatMap(stepProblems);
    setProblems(all);
    if (all.length) return;
    setSaving(true);
    setError(null);
    try {
      let personId = draft.interviewee?.id;
      if (draft.intervieweeMode === 'new') {
        const person = registered ?? (await createPerson(caseId, draft.newKind as PersonKind));
        setRegistered(person);
        personId = person.id;
      }
      const hasSensitive = cleared && Object.values(draft.sensitive).some((v) => v && v.trim());
      const created = await createTestimony(caseId, {
        intervieweeId: personId as string,
        interviewerIds: draft.interviewerIds,
        interviewDate: draft.interviewDate.precision === 'unknown' ? { precision: 'unknown' } : draft.interviewDate,
        languages: draft.languages,
        modality: draft.modality as Modality,
        riskLevel: draft.riskLevel as RiskLevel,
        tags: draft.tags,
        sensitive: hasSensitive ? draft.sensitive : undefined,
        consent: draft.consentTaken ? consentInput(draft.consent) : undefined,
      });
      await queryClient.invalidateQueries({ queryKey: testimonyKeys.list(caseId) });
      await queryClient.invalidateQueries({ queryKey: ['people', caseId] });
      setDirty(false);
      // Saved: nothing is lost by leaving, so the guard is skipped.
      await navigate({ to: '/cases/$caseId/testimonies/$testimonyId', params: { caseId, testimonyId: created.id }, ignoreBlocker: true });
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const memberName = (id: string) => members.find((m) => m.userId === id)?.displayName ?? id;
  const step = steps[active] ?? 'review';
  return (
    <Stack mt="md" gap="md">
      <UnsavedChangesGuard dirty={dirty} />
      <Title order={2}>{t('testimonies.intake.title')}</Title>
      <Stepper active={active} onStepClick={(i) => i < active && setActive(i)} allowNextStepsSelect={false} size="sm">
        {steps.map((s) => (
          <Stepper.Step key={s} label={t(`testimonies.intake.steps.${s}`)} />
        ))}
      </Stepper>
      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="sm">
          {t(`testimonies.intake.steps.${step}`)}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t(`testimonies.intake.help.${step}`)}
        </Text>
        {step === 'interviewee' && <IntervieweeStep caseId={caseId} draft={draft} update={update} />}
        {step === 'interview' && (
          <Stack gap="md">
            <MembersInput members={members} value={draft.interviewerIds} onChange={(interviewerIds) => update({ interviewerIds })} label={t('testimonies.fields.interviewers')} description={t('testimonies.fields.interviewersHelp')} />
            <DatedValueInput value={draft.interviewDate} onChange={(interviewDate) => update({ interviewDate })} />
            <LanguagesInput value={draft.languages} onChange={(languages) => update({ languages })} />
            <ModalityRiskInputs modality={draft.modality} riskLevel={draft.riskLevel} onModality={(modality) => update({ modality })} onRisk={(riskLevel) => update({ riskLevel })} />
            <TagsField value={draft.tags} onChange={(tags) => update({ tags })} />
          </Stack>
        )}
        {step === 'sensitive' && cleared && <SensitiveInputs value={draft.sensitive} onChange={(sensitive) => update({ sensitive })} />}
        {step === 'consent' && (
          <Stack gap="md">
            <SegmentedControl
              aria-label={t('testimonies.intake.consentTakenLabel')}
              value={draft.consentTaken ? 'yes' : 'no'}
              onChange={(v) => update({ consentTaken: v === 'yes' })}
              data={[
                { value: 'yes', label: t('testimonies.intake.consentTaken') },
                { value: 'no', label: t('testimonies.intake.consentLater') },
              ]}
            />
            {draft.consentTaken ? <ConsentForm value={draft.consent} onChange={(consent) => update({ consent })} members={members} /> : <Alert color="yellow">{t('testimonies.intake.consentLaterHelp')}</Alert>}
          </Stack>
        )}
        {step === 'review' && (
          <List spacing="xs">
            <List.Item>
              {t('testimonies.fields.interviewee')}:{' '}
              {draft.intervieweeMode === 'existing' && draft.interviewee ? <PseudonymBadge code={draft.interviewee.code} /> : t('testimonies.intake.newPerson', { kind: t(`testimonies.personKinds.${draft.newKind}`) })}
            </List.Item>
            <List.Item>
              {t('testimonies.fields.interviewers')}: {draft.interviewerIds.map(memberName).join(', ') || t('testimonies.none')}
            </List.Item>
            <List.Item>
              {t('testimonies.fields.interviewDate')}: {formatDatedValue(draft.interviewDate, i18n.language, t)}
            </List.Item>
            <List.Item>
              {t('testimonies.fields.languages')}: {draft.languages.map((l) => languageName(l, i18n.language)).join(', ')}
            </List.Item>
            <List.Item>
              {t('testimonies.fields.modality')}: {draft.modality && t(`testimonies.modalities.${draft.modality}`)} · {t('testimonies.fields.riskLevel')}: {draft.riskLevel && t(`testimonies.riskLevels.${draft.riskLevel}`)}
            </List.Item>
            <List.Item>
              {t('testimonies.consent.title')}:{' '}
              {draft.consentTaken
                ? draft.consent.purposes.map((p) => t(`testimonies.consent.purposes.${p}`)).join(', ') || t('testimonies.consent.noPurposes')
                : t('testimonies.intake.consentLater')}
            </List.Item>
          </List>
        )}
      </Card>
      {problems.length > 0 && (
        <Alert color="red" role="alert" title={t('testimonies.intake.problems.title')}>
          <List size="sm">
            {problems.map((p) => (
              <List.Item key={p}>{t(p)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {error !== null && <ErrorAlert error={error} />}
      <Group justify="space-between">
        <Button variant="default" onClick={() => setActive((a) => Math.max(a - 1, 0))} disabled={active === 0}>
          {t('testimonies.intake.back')}
        </Button>
        {step === 'review' ? (
          <Button onClick={() => void save()} loading={saving}>
            {t('testimonies.intake.save')}
          </Button>
        ) : (
          <Button onClick={next}>{t('testimonies.intake.next')}</Button>
        )}
      </Group>
    </Stack>
  );
}

function IntervieweeStep({ caseId, draft, update }: { caseId: string; draft: IntakeDraft; update: (patch: Partial<IntakeDraft>) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<PersonKind | null>(null);
  // The search is a pseudonym code prefix; once a person is picked the box shows "W-0001 · …".
  const people = usePeopleByCode(caseId, (search.trim().split(/\s/)[0] ?? '').toUpperCase(), kind);
  const kinds = PERSON_KINDS.map((k) => ({ value: k, label: t(`testimonies.personKinds.${k}`) }));
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${t(`testimonies.personKinds.${p.kind}`)}` }));
  if (draft.interviewee && !options.some((o) => o.value === draft.interviewee?.id)) {
    options.unshift({ value: draft.interviewee.id, label: `${draft.interviewee.code} · ${t(`testimonies.personKinds.${draft.interviewee.kind}`)}` });
  }
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label={t('testimonies.intake.intervieweeMode')}
        value={draft.intervieweeMode}
        onChange={(v) => update({ intervieweeMode: v as IntakeDraft['intervieweeMode'] })}
        data={[
          { value: 'new', label: t('testimonies.intake.newInterviewee') },
          { value: 'existing', label: t('testimonies.intake.existingInterviewee') },
        ]}
      />
      {draft.intervieweeMode === 'new' ? (
        <>
          <Select label={t('testimonies.intake.newKind')} data={kinds} value={draft.newKind} onChange={(k) => update({ newKind: k as PersonKind })} allowDeselect={false} required />
          <Text size="sm">{t('testimonies.intake.newPersonHelp')}</Text>
        </>
      ) : (
        <Group grow align="flex-start">
          <Select label={t('testimonies.intake.filterKind')} data={kinds} value={kind} onChange={(k) => setKind(k as PersonKind | null)} clearable />
          <Select
            label={t('testimonies.intake.pickPerson')}
            description={t('testimonies.intake.pickPersonHelp')}
            data={options}
            value={draft.interviewee?.id ?? null}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: o }) => o}
            nothingFoundMessage={people.isFetching ? t('common.loading') : t('testimonies.nothingFound')}
            onChange={(id) => update({ interviewee: people.data?.items.find((p) => p.id === id) ?? (id === draft.interviewee?.id ? draft.interviewee : null) })}
            required
          />
        </Group>
      )}
    </Stack>
  );
}
