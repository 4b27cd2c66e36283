import { Anchor, Button, Card, Checkbox, Group, List, Loader, NativeSelect, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { fieldError } from '../cases/field-error';
import { useCase } from '../cases/queries';
import { PlaceSelect, type PickedPlace } from '../places/PlaceSelect';
import { usePlace } from '../places/queries';
import { formatIncidentDate, incidentDateBody, incidentDateProblem, type DatePrecision, type IncidentDateValue } from './dates';
import { PRECISIONS } from './IncidentFormPage';
import { useActs, useCasePeopleCodes, useCreateAct, usePutVictimAttributes, useRemoveAct, useSaveIncident, useVictimAttributes, useViolationTypes, violationLabel, type Act, type Incident, type VictimAttributesInput } from './queries';

export const SEXES: readonly VictimAttributesInput['sex'][] = ['female', 'male', 'other', 'unknown'];
export const AGE_GROUPS: readonly VictimAttributesInput['ageGroup'][] = ['0-11', '12-17', '18-29', '30-44', '45-59', '60+', 'unknown'];
export const STATUSES: readonly VictimAttributesInput['statuses'][number][] = [
  'repatriated_detainee', 'border_crosser', 'christian', 'other_religious_believer', 'family_member_of_defector', 'family_member_of_detainee',
  'political_prisoner', 'abductee_foreign_national', 'returnee_from_japan', 'low_songbun', 'child_born_in_detention', 'woman_trafficked', 'other',
];

interface PersonVictim {
  id: string;
  code: string;
}

/**
 * The incident's victims by pseudonym code, each with the acts done to them (violation, when,
 * where) and their categories (sex, age group, statuses), with forms to add and remove victims
 * and acts and to record the categories. Categories are read and written only by members
 * cleared for identities (each read is audited); the others are told so and never ask.
 */
export function VictimsSection({ caseId, incident }: { caseId: string; incident: Incident }) {
  const { t, i18n } = useTranslation();
  const kase = useCase(caseId);
  const acts = useActs(caseId, incident.id);
  const save = useSaveIncident(caseId, incident.id);
  const people = useCasePeopleCodes(caseId);
  const [adding, setAdding] = useState<string | null>(null);
  const fmt = new Intl.NumberFormat(i18n.language);
  const persons = incident.victims.flatMap((v) => {
    const person = v.person as PersonVictim | null | undefined;
    return person ? [person] : [];
  });
  const groups = incident.victims.filter((v) => !v.person);
  const cleared = kase.data?.myIdentityClearance === true;
  const candidates = (people.data?.items ?? []).filter((p) => !persons.some((v) => v.id === p.id)).map((p) => ({ value: p.id, label: `${p.code} · ${t(`people.kinds.${p.kind}`)}` }));

  // The incident's victims are replaced as a whole (with its version); groups are kept as they are.
  const writeVictims = (personIds: string[]) =>
    save.mutate(
      {
        version: incident.version,
        victims: [...personIds.map((personId) => ({ personId })), ...groups.map((g) => ({ groupCount: g.groupCount ?? undefined, groupDescription: g.groupDescription ?? undefined }))],
      } as Parameters<typeof save.mutate>[0],
      { onSuccess: () => setAdding(null) },
    );

  return (
    <SectionCard order={3} title={t('victims.heading')}>
      <Stack gap="sm">
        {acts.data && (
          <Text size="sm" data-testid="victims-summary">
            {t('victims.summary', { victims: fmt.format(persons.length), acts: fmt.format(acts.data.length) })}
          </Text>
        )}
        {acts.error && <ErrorAlert error={acts.error} />}
        {persons.length === 0 && groups.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('incidents.noVictims')}
          </Text>
        )}
        {persons.map((person) => (
          <VictimCard
            key={person.id}
            caseId={caseId}
            incident={incident}
            person={person}
            cleared={cleared}
            acts={(acts.data ?? []).filter((a) => a.personId === person.id)}
            removing={save.isPending}
            onRemove={() => writeVictims(persons.filter((v) => v.id !== person.id).map((v) => v.id))}
          />
        ))}
        {groups.length > 0 && (
          <List>
            {groups.map((v, n) => (
              <List.Item key={`group-${n}`}>{t('incidents.group', { n: fmt.format(v.groupCount ?? 0), description: v.groupDescription ?? '' })}</List.Item>
            ))}
          </List>
        )}
        <Group align="flex-end" gap="xs">
          <Select label={t('victims.addLabel')} data={candidates} value={adding} onChange={setAdding} searchable clearable nothingFoundMessage={t('reader.form.nothingFound')} w={320} />
          <Button variant="default" disabled={!adding} loading={save.isPending} onClick={() => adding && writeVictims([...persons.map((v) => v.id), adding])}>
            {t('victims.add')}
          </Button>
        </Group>
        {save.error && <ErrorAlert error={save.error} />}
      </Stack>
    </SectionCard>
  );
}

function VictimCard({ caseId, incident, person, cleared, acts, removing, onRemove }: { caseId: string; incident: Incident; person: PersonVictim; cleared: boolean; acts: Act[]; removing: boolean; onRemove: () => void }) {
  const { t } = useTranslation();
  const [addingAct, setAddingAct] = useState(false);
  return (
    <Card withBorder padding="sm" role="group" aria-label={t('victims.victimLabel', { code: person.code })} data-testid={`victim-${person.code}`}>
      <Group justify="space-between" mb="xs">
        <Title order={4} size="h5">
          <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/people/$personId" params={{ caseId, personId: person.id }} />}>{person.code}</Anchor>
        </Title>
        <Group gap="xs">
          {acts.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('victims.removeBlocked')}
            </Text>
          )}
          <Button size="xs" variant="default" disabled={acts.length > 0} loading={removing} onClick={onRemove} aria-label={t('victims.remove', { code: person.code })}>
            {t('victims.removeShort')}
          </Button>
        </Group>
      </Group>
      <Attributes caseId={caseId} person={person} cleared={cleared} />
      <ActsTable caseId={caseId} incident={incident} person={person} acts={acts} />
      {addingAct ? (
        <ActForm caseId={caseId} incident={incident} person={person} onDone={() => setAddingAct(false)} />
      ) : (
        <Group mt="xs">
          <Button size="xs" variant="light" onClick={() => setAddingAct(true)}>
            {t('victims.acts.add', { code: person.code })}
          </Button>
        </Group>
      )}
    </Card>
  );
}

function ActsTable({ caseId, incident, person, acts }: { caseId: string; incident: Incident; person: PersonVictim; acts: Act[] }) {
  const { t, i18n } = useTranslation();
  const types = useViolationTypes();
  const remove = useRemoveAct(caseId, incident.id);
  if (acts.length === 0) {
    return (
      <Text size="sm" c="dimmed" mt="xs">
        {t('victims.acts.none')}
      </Text>
    );
  }
  return (
    <>
      <Table aria-label={t('victims.acts.label', { code: person.code })} mt="xs" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('victims.acts.type')}</Table.Th>
            <Table.Th>{t('incidents.fields.date')}</Table.Th>
            <Table.Th>{t('incidents.fields.place')}</Table.Th>
            <Table.Th>
              <span className="mantine-visually-hidden">{t('victims.acts.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {acts.map((a, n) => {
            const label = violationLabel(types.data?.items, a.violationType, i18n.language);
            return (
              <Table.Tr key={a.id} data-testid="act-row">
                <Table.Td>{label}</Table.Td>
                <Table.Td>{formatIncidentDate(a.date, i18n.language, t)}</Table.Td>
                <Table.Td>
                  <PlaceName placeId={a.placeId} incident={incident} />
                </Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="default" loading={remove.isPending && remove.variables?.id === a.id} onClick={() => remove.mutate(a)} aria-label={t('victims.acts.remove', { n: String(n + 1), type: label, code: person.code })}>
                    {t('victims.acts.removeShort')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {remove.error && <ErrorAlert error={remove.error} />}
    </>
  );
}

function PlaceName({ placeId, incident }: { placeId: string | null; incident: Incident }) {
  const known = placeId && incident.place?.id === placeId ? incident.place.name : null;
  const place = usePlace(known ? null : placeId);
  if (!placeId) return <>—</>;
  return <>{known ?? place.data?.name ?? '…'}</>;
}

/** A new act against this victim: the violation, and when and where when not the incident's. */
function ActForm({ caseId, incident, person, onDone }: { caseId: string; incident: Incident; person: PersonVictim; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const types = useViolationTypes();
  const create = useCreateAct(caseId, incident.id);
  const ko = i18n.language.startsWith('ko');
  const [type, setType] = useState<string | null>(incident.violationTypes[0] ?? null);
  const [date, setDate] = useState<IncidentDateValue | null>(null);
  const [place, setPlace] = useState<PickedPlace | null>(null);
  const [checked, setChecked] = useState(false);
  const dateProblem = date ? incidentDateProblem(date) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!type || dateProblem) return;
    create.mutate({ personId: person.id, violationType: type, ...(date ? { date: incidentDateBody(date) } : {}), ...(place ? { placeId: place.id } : {}) }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('victims.acts.formLabel', { code: person.code })}>
      <Stack gap="xs" mt="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('victims.acts.type')}
            value={type ?? ''}
            onChange={(e) => setType(e.currentTarget.value || null)}
            data={[{ value: '', label: '—' }, ...(types.data?.items ?? []).map((v) => ({ value: v.code, label: ko ? v.labelKo : v.label }))]}
            error={checked && !type ? t('victims.acts.typeRequired') : fieldError(t, create.error, 'violationType')}
          />
          <PlaceSelect label={t('incidents.fields.place')} description={t('victims.acts.placeHelp')} value={place} onChange={setPlace} error={fieldError(t, create.error, 'placeId')} />
        </SimpleGrid>
        <Group align="flex-start" gap="sm">
          <NativeSelect
            label={t('victims.acts.when')}
            value={date?.precision ?? ''}
            onChange={(e) => {
              const precision = e.currentTarget.value as DatePrecision | '';
              setDate(precision ? { date: '', from: '', to: '', ...date, precision } : null);
            }}
            data={[{ value: '', label: t('victims.acts.sameDate') }, ...PRECISIONS.map((p) => ({ value: p, label: t(`incidents.date.precisions.${p}`) }))]}
            w={220}
          />
          {date && date.precision === 'range' && (
            <>
              <TextInput label={t('incidents.date.from')} placeholder={t('incidents.date.partialPlaceholder')} value={date.from ?? ''} onChange={(e) => setDate({ ...date, from: e.currentTarget.value.trim() })} error={checked && dateProblem?.field === 'from' ? t(dateProblem.key) : undefined} w={200} />
              <TextInput label={t('incidents.date.to')} placeholder={t('incidents.date.partialPlaceholder')} value={date.to ?? ''} onChange={(e) => setDate({ ...date, to: e.currentTarget.value.trim() })} error={checked && dateProblem?.field === 'to' ? t(dateProblem.key) : undefined} w={200} />
            </>
          )}
          {date && date.precision !== 'range' && date.precision !== 'unknown' && (
            <TextInput label={t('incidents.date.value')} placeholder={t(`incidents.date.placeholders.${date.precision}`)} value={date.date ?? ''} onChange={(e) => setDate({ ...date, date: e.currentTarget.value.trim() })} error={checked && dateProblem ? t(dateProblem.key) : fieldError(t, create.error, 'date')} w={220} />
          )}
        </Group>
        {create.error && <ErrorAlert error={create.error} />}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={create.isPending}>
            {t('victims.acts.save')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Sex, age group and statuses: shown and edited by cleared members only. */
function Attributes({ caseId, person, cleared }: { caseId: string; person: PersonVictim; cleared: boolean }) {
  const { t } = useTranslation();
  const attributes = useVictimAttributes(caseId, person.id, cleared);
  const [editing, setEditing] = useState(false);
  if (!cleared) {
    return (
      <Text size="sm" c="dimmed">
        {t('victims.attributes.uncleared')}
      </Text>
    );
  }
  if (attributes.isPending) return <Loader size="xs" aria-label={t('common.loading')} />;
  if (attributes.error) return <ErrorAlert error={attributes.error} />;
  if (editing) return <AttributesForm caseId={caseId} person={person} current={attributes.data} onDone={() => setEditing(false)} />;
  const a = attributes.data;
  return (
    <Group gap="sm" align="center">
      {a ? (
        <Text size="sm" data-testid="victim-attributes">
          {[t(`victims.attributes.sexes.${a.sex}`), t('victims.attributes.ageValue', { group: t(`victims.attributes.ageGroups.${a.ageGroup}`) }), ...a.statuses.map((s) => t(`victims.attributes.statusNames.${s}`))].join(' · ')}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('victims.attributes.notRecorded')}
        </Text>
      )}
      <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)} aria-label={t(a ? 'victims.attributes.editOf' : 'victims.attributes.recordOf', { code: person.code })}>
        {a ? t('victims.attributes.edit') : t('victims.attributes.record')}
      </Button>
    </Group>
  );
}

function AttributesForm({ caseId, person, current, onDone }: { caseId: string; person: PersonVictim; current: { sex: VictimAttributesInput['sex']; ageGroup: VictimAttributesInput['ageGroup']; statuses: VictimAttributesInput['statuses']; version: number } | null; onDone: () => void }) {
  const { t } = useTranslation();
  const put = usePutVictimAttributes(caseId, person.id);
  const [sex, setSex] = useState(current?.sex ?? 'unknown');
  const [ageGroup, setAgeGroup] = useState(current?.ageGroup ?? 'unknown');
  const [statuses, setStatuses] = useState<string[]>(current?.statuses ?? []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    put.mutate({ version: current?.version ?? 0, sex, ageGroup, statuses: statuses as VictimAttributesInput['statuses'] }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} aria-label={t('victims.attributes.formLabel', { code: person.code })}>
      <Stack gap="xs">
        <Group gap="sm" align="flex-start">
          <NativeSelect label={t('victims.attributes.sex')} value={sex} onChange={(e) => setSex(e.currentTarget.value as typeof sex)} data={SEXES.map((s) => ({ value: s, label: t(`victims.attributes.sexes.${s}`) }))} w={180} error={fieldError(t, put.error, 'sex')} />
          <NativeSelect label={t('victims.attributes.ageGroup')} value={ageGroup} onChange={(e) => setAgeGroup(e.currentTarget.value as typeof ageGroup)} data={AGE_GROUPS.map((g) => ({ value: g, label: t(`victims.attributes.ageGroups.${g}`) }))} w={180} error={fieldError(t, put.error, 'ageGroup')} />
        </Group>
        <Checkbox.Group label={t('victims.attributes.statuses')} value={statuses} onChange={setStatuses}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt={4}>
            {STATUSES.map((s) => (
              <Checkbox key={s} value={s} label={t(`victims.attributes.statusNames.${s}`)} size="xs" />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {put.error && <ErrorAlert error={put.error} />}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={put.isPending}>
            {t('victims.attributes.save')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
