import { ActionIcon, Anchor, Button, Fieldset, Group, Loader, MultiSelect, NativeSelect, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldError } from '../cases/field-error';
import { PlaceSelect, type PickedPlace } from '../places/PlaceSelect';
import { perpetratorLabel, usePerpetrators } from '../perpetrators/queries';
import { incidentDateBody, incidentDateProblem, type DatePrecision, type IncidentDateValue } from './dates';
import { useCasePeopleCodes, useCaseTestimonies, useIncident, useSaveIncident, useViolationTypes, type Incident } from './queries';

export const PRECISIONS: DatePrecision[] = ['day', 'month', 'year', 'approximate', 'range', 'unknown'];
export const INVOLVEMENTS = ['direct', 'ordered', 'commanded', 'aided', 'present'] as const;
export const CONFIDENCES = ['confirmed', 'probable', 'possible', 'doubtful'] as const;
type Involvement = (typeof INVOLVEMENTS)[number];
type Confidence = (typeof CONFIDENCES)[number];
interface InvolvementRow { key: number; perpetratorId: string | null; involvement: Involvement; confidence: Confidence }

const newRoute = getRouteApi('/cases/$caseId/incidents/new');
const editRoute = getRouteApi('/cases/$caseId/incidents/$incidentId/edit');

export function NewIncidentPage() {
  const { caseId } = newRoute.useParams();
  return <IncidentForm caseId={caseId} />;
}

export function EditIncidentPage() {
  const { t } = useTranslation();
  const { caseId, incidentId } = editRoute.useParams();
  const incident = useIncident(caseId, incidentId);
  if (incident.isPending) return <Loader aria-label={t('common.loading')} />;
  if (incident.error) return <ErrorAlert error={incident.error} />;
  return <IncidentForm caseId={caseId} incident={incident.data} />;
}

let rowKey = 0;

/** Create or edit an incident: what, when (with its precision), where (any spelling), who, and from which testimonies. */
function IncidentForm({ caseId, incident }: { caseId: string; incident?: Incident }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveIncident(caseId, incident?.id);
  const types = useViolationTypes();
  const people = useCasePeopleCodes(caseId);
  const perpetrators = usePerpetrators(caseId);
  const testimonies = useCaseTestimonies(caseId);
  const ko = i18n.language.startsWith('ko');

  const [title, setTitle] = useState(incident?.title ?? '');
  const [description, setDescription] = useState(incident?.description ?? '');
  const [violationTypes, setViolationTypes] = useState<string[]>(incident?.violationTypes ?? []);
  const [date, setDate] = useState<IncidentDateValue>(incident ? { precision: incident.date.precision, date: incident.date.date ?? '', from: incident.date.from ?? '', to: incident.date.to ?? '' } : { precision: 'year', date: '', from: '', to: '' });
  const [place, setPlace] = useState<PickedPlace | null>(incident?.place ? { id: incident.place.id, label: incident.place.name } : null);
  const [victims, setVictims] = useState<string[]>(incident?.victims.flatMap((v) => { const person = v.person as { id: string } | null | undefined; return person ? [person.id] : []; }) ?? []);
  const [rows, setRows] = useState<InvolvementRow[]>(incident?.perpetrators.map((p) => ({ key: ++rowKey, perpetratorId: p.perpetrator.id, involvement: p.involvement, confidence: p.confidence })) ?? []);
  const [sources, setSources] = useState<string[]>(incident?.sources.map((s) => s.testimonyId) ?? []);
  const [checked, setChecked] = useState(false);

  const dateProblem = incidentDateProblem(date);
  const titleMissing = title.trim() === '';
  const typesMissing = violationTypes.length === 0;
  const rowsIncomplete = rows.some((r) => !r.perpetratorId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (dateProblem || titleMissing || typesMissing || rowsIncomplete) return;
    // Group victims (counts) and passages the form does not edit are kept as they were.
    const groups = incident?.victims.filter((v) => !v.person).map((v) => ({ groupCount: v.groupCount ?? undefined, groupDescription: v.groupDescription ?? undefined })) ?? [];
    const passages = new Map(incident?.sources.map((s) => [s.testimonyId, s.passage]) ?? []);
    const body = {
      title: title.trim(),
      description: description.trim() || undefined,
      violationTypes,
      date: incidentDateBody(date),
      placeId: place?.id ?? (incident ? (null as unknown as undefined) : undefined),
      victims: [...victims.map((personId) => ({ personId })), ...groups],
      perpetrators: rows.map((r) => ({ perpetratorId: r.perpetratorId!, involvement: r.involvement, confidence: r.confidence })),
      sources: sources.map((testimonyId) => {
        const passage = passages.get(testimonyId);
        return passage ? { testimonyId, passage } : { testimonyId };
      }),
      ...(incident ? { version: incident.version } : {}),
    };
    save.mutate(body, { onSuccess: (saved) => void navigate({ to: '/cases/$caseId/incidents/$incidentId', params: { caseId, incidentId: saved.id } }) });
  };

  const shown = (problem: boolean, key: string) => (checked && problem ? t(key) : undefined);
  const typeOptions = (types.data?.items ?? []).map((v) => ({ value: v.code, label: ko ? v.labelKo : v.label }));
  const personOptions = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${t(`people.kinds.${p.kind}`)}` }));
  const perpetratorOptions = (perpetrators.data?.items ?? []).map((p) => ({ value: p.id, label: perpetratorLabel(p) }));
  const testimonyOptions = (testimonies.data?.items ?? []).map((x) => ({ value: x.id, label: t('incidents.form.testimonyOption', { code: x.interviewee.code, date: new Date(x.createdAt).toLocaleDateString(i18n.language) }) }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack mt="md" gap="md" maw={900}>
        <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/cases/$caseId/incidents" params={{ caseId }} />}>
          {t('incidents.backToList')}
        </Anchor>
        <Title order={2}>{incident ? t('incidents.form.editTitle', { code: incident.code }) : t('incidents.form.newTitle')}</Title>
        <TextInput label={t('incidents.fields.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required error={shown(titleMissing, 'incidents.form.titleRequired') ?? fieldError(t, save.error, 'title')} />
        <Textarea label={t('incidents.fields.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={3} />
        <MultiSelect label={t('incidents.fields.violationTypes')} data={typeOptions} value={violationTypes} onChange={setViolationTypes} searchable required error={shown(typesMissing, 'incidents.form.typesRequired') ?? fieldError(t, save.error, 'violationTypes')} />
        <Fieldset legend={t('incidents.fields.date')}>
          <Group align="flex-start" gap="sm">
            <NativeSelect label={t('incidents.date.precision')} value={date.precision} onChange={(e) => setDate({ ...date, precision: e.currentTarget.value as DatePrecision })} data={PRECISIONS.map((p) => ({ value: p, label: t(`incidents.date.precisions.${p}`) }))} w={200} />
            {date.precision === 'range' ? (
              <>
                <TextInput label={t('incidents.date.from')} placeholder={t('incidents.date.partialPlaceholder')} value={date.from ?? ''} onChange={(e) => setDate({ ...date, from: e.currentTarget.value.trim() })} error={checked && dateProblem?.field === 'from' ? t(dateProblem.key) : undefined} w={200} />
                <TextInput label={t('incidents.date.to')} placeholder={t('incidents.date.partialPlaceholder')} value={date.to ?? ''} onChange={(e) => setDate({ ...date, to: e.currentTarget.value.trim() })} error={checked && dateProblem?.field === 'to' ? t(dateProblem.key) : undefined} w={200} />
              </>
            ) : date.precision !== 'unknown' ? (
              <TextInput label={t('incidents.date.value')} placeholder={t(`incidents.date.placeholders.${date.precision}`)} value={date.date ?? ''} onChange={(e) => setDate({ ...date, date: e.currentTarget.value.trim() })} error={checked && dateProblem ? t(dateProblem.key) : fieldError(t, save.error, 'date')} w={220} />
            ) : null}
          </Group>
        </Fieldset>
        <PlaceSelect label={t('incidents.fields.place')} value={place} onChange={setPlace} error={fieldError(t, save.error, 'placeId')} />
        <MultiSelect label={t('incidents.fields.victims')} description={t('incidents.form.victimsHelp')} data={personOptions} value={victims} onChange={setVictims} searchable />
        <Fieldset legend={t('incidents.fields.perpetrators')}>
          <Stack gap="xs">
            {rows.length === 0 && <Text size="sm" c="dimmed">{t('incidents.form.noPerpetrators')}</Text>}
            {rows.map((row, i) => {
              const n = String(i + 1);
              const update = (patch: Partial<InvolvementRow>) => setRows(rows.map((r) => (r.key === row.key ? { ...r, ...patch } : r)));
              return (
                <Group key={row.key} align="flex-end" gap="xs" wrap="wrap">
                  <Select label={t('incidents.form.perpetratorN', { n })} data={perpetratorOptions} value={row.perpetratorId} onChange={(v) => update({ perpetratorId: v })} searchable w={300} error={checked && !row.perpetratorId ? t('incidents.form.pickPerpetrator') : undefined} />
                  <NativeSelect label={t('incidents.form.involvementN', { n })} value={row.involvement} onChange={(e) => update({ involvement: e.currentTarget.value as Involvement })} data={INVOLVEMENTS.map((v) => ({ value: v, label: t(`incidents.involvements.${v}`) }))} w={180} />
                  <NativeSelect label={t('incidents.form.confidenceN', { n })} value={row.confidence} onChange={(e) => update({ confidence: e.currentTarget.value as Confidence })} data={CONFIDENCES.map((v) => ({ value: v, label: t(`incidents.confidences.${v}`) }))} w={160} />
                  <ActionIcon variant="default" size="lg" mb={2} aria-label={t('incidents.form.removePerpetratorN', { n })} onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
                    ×
                  </ActionIcon>
                </Group>
              );
            })}
            <Group>
              <Button variant="default" size="xs" onClick={() => setRows([...rows, { key: ++rowKey, perpetratorId: null, involvement: 'direct', confidence: 'probable' }])}>
                {t('incidents.form.addPerpetrator')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <MultiSelect label={t('incidents.fields.sources')} description={t('incidents.form.sourcesHelp')} data={testimonyOptions} value={sources} onChange={setSources} searchable />
        {save.error && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {incident ? t('incidents.form.save') : t('incidents.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
