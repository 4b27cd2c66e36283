import { Alert, Blockquote, Button, Group, Modal, NativeSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { crimeTitle, RELATIONS, RELIABILITY, useCaseIncidents, useCasePerpetrators, useCreatePassageLink, useRomeStatute, type LinkRelation, type SourceReliability } from './queries';

export interface PassageSelection {
  transcriptVersionId: string;
  redactionId?: string;
  start: number;
  end: number;
  quote: string;
}

const TITLE_LENGTH = 80;

/**
 * New evidence from a selected passage: the element it goes to (found by searching the crime's
 * and the element's wording, in English or Korean), the assessment, and optionally the incident,
 * perpetrator and mode of liability. Saves the passage and its links in one request.
 */
export function NewEvidenceModal({ caseId, selection, onClose, onCreated }: { caseId: string; selection: PassageSelection; onClose: () => void; onCreated: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const framework = useRomeStatute();
  const incidents = useCaseIncidents(caseId);
  const perpetrators = useCasePerpetrators(caseId);
  const create = useCreatePassageLink(caseId);
  const quote = selection.quote.trim();
  const [title, setTitle] = useState(quote.length > TITLE_LENGTH ? `${quote.slice(0, TITLE_LENGTH - 1)}…` : quote);
  const [elementId, setElementId] = useState<string | null>(null);
  const [alternative, setAlternative] = useState<string | null>(null);
  const [relation, setRelation] = useState<LinkRelation>('supports');
  const [probative, setProbative] = useState('3');
  const [reliability, setReliability] = useState<SourceReliability>('B');
  const [credibility, setCredibility] = useState('2');
  const [note, setNote] = useState('');
  const [incidentId, setIncidentId] = useState<string | null>(null);
  const [perpetratorId, setPerpetratorId] = useState<string | null>(null);
  const [modeId, setModeId] = useState<string | null>(null);
  const [requirementId, setRequirementId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  // Options search the crime title in both languages and the element's wording.
  const elementOptions = useMemo(
    () =>
      (framework.data?.crimes ?? []).map((crime) => {
        const shown = crimeTitle(crime, i18n.language);
        const other = shown === crime.titleEn ? (crime.titleKo?.text ?? '') : crime.titleEn;
        return {
          group: `${crime.articleRef ?? crime.code} ${shown}`,
          items: crime.elements.map((e) => ({ value: e.id, label: `${shown} (${crime.articleRef ?? crime.code}) · ${e.number}. ${e.text}${other ? ` · ${other}` : ''}` })),
        };
      }),
    [framework.data, i18n.language],
  );
  const element = useMemo(() => framework.data?.crimes.flatMap((c) => c.elements).find((e) => e.id === elementId) ?? null, [framework.data, elementId]);
  // A requirement of the mode can only be charged against an individual (art. 25(1)), never a unit.
  const individual = (perpetrators.data ?? []).find((p) => p.id === perpetratorId && p.kind !== 'unit');
  const mode = (framework.data?.modesOfLiability ?? []).find((m) => m.id === modeId);
  const requirementOptions = (mode?.requirements ?? []).map((r) => ({ value: r.id, label: `${r.number}. ${i18n.language.startsWith('ko') && r.textKo?.text ? r.textKo.text : r.text}` }));
  const modeOptions = (framework.data?.modesOfLiability ?? []).map((m) => ({ value: m.id, label: `${m.code} ${crimeTitle(m, i18n.language)}` }));

  const submit = async () => {
    if (!framework.data || !elementId || !title.trim()) {
      setMissing(true);
      return;
    }
    try {
      const { item } = await create.mutateAsync({
        title: title.trim(),
        passage: { transcriptVersionId: selection.transcriptVersionId, redactionId: selection.redactionId, start: selection.start, end: selection.end },
        link: {
          frameworkVersionId: framework.data.id,
          elementId,
          alternative: alternative ?? undefined,
          relation,
          probativeValue: Number(probative),
          sourceReliability: reliability,
          informationCredibility: Number(credibility),
          note: note.trim() || undefined,
          incidentId: incidentId ?? undefined,
          perpetratorId: perpetratorId ?? undefined,
          modeOfLiabilityId: modeId ?? undefined,
        },
        requirementId: individual && requirementId ? requirementId : undefined,
      });
      onCreated(item.code);
    } catch {
      // Shown below from the mutation's error.
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('reader.form.title')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Blockquote p="sm" cite={selection.redactionId ? t('reader.form.quoteRedacted') : t('reader.form.quoteOriginal')}>
            {quote}
          </Blockquote>
          <TextInput label={t('reader.form.itemTitle')} description={t('reader.form.itemTitleHint')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={300} data-autofocus />
          {framework.error && <ErrorAlert error={framework.error} />}
          <Select
            label={t('reader.form.element')}
            description={t('reader.form.elementHint')}
            placeholder={t('reader.form.elementPlaceholder')}
            data={elementOptions}
            value={elementId}
            onChange={(v) => {
              setElementId(v);
              setAlternative(null);
            }}
            searchable
            required
            nothingFoundMessage={t('reader.form.nothingFound')}
            maxDropdownHeight={320}
            comboboxProps={{ withinPortal: true }}
            error={missing && !elementId ? t('reader.form.elementRequired') : undefined}
          />
          {element && element.alternatives.length > 0 && (
            <Select
              label={t('reader.form.alternative')}
              data={element.alternatives.map((a) => ({ value: a.letter, label: `${a.letter}) ${a.text}` }))}
              value={alternative}
              onChange={setAlternative}
              clearable
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect label={t('reader.form.relation')} value={relation} onChange={(e) => setRelation(e.currentTarget.value as LinkRelation)} data={RELATIONS.map((r) => ({ value: r, label: t(`evidence.relations.${r}`) }))} />
            <NativeSelect label={t('reader.form.probative')} value={probative} onChange={(e) => setProbative(e.currentTarget.value)} data={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: t(`evidence.probative.${v}`) }))} />
            <NativeSelect label={t('reader.form.reliability')} value={reliability} onChange={(e) => setReliability(e.currentTarget.value as SourceReliability)} data={RELIABILITY.map((v) => ({ value: v, label: t(`evidence.reliability.${v}`) }))} />
            <NativeSelect label={t('reader.form.credibility')} value={credibility} onChange={(e) => setCredibility(e.currentTarget.value)} data={['1', '2', '3', '4', '5', '6'].map((v) => ({ value: v, label: t(`evidence.credibility.${v}`) }))} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('reader.form.incident')} data={(incidents.data ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.title ?? ''}` }))} value={incidentId} onChange={setIncidentId} searchable clearable nothingFoundMessage={t('reader.form.nothingFound')} />
            <Select label={t('reader.form.perpetrator')} data={(perpetrators.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name ?? ''}`.trim() }))} value={perpetratorId} onChange={(v) => {
                setPerpetratorId(v);
                setRequirementId(null);
              }} searchable clearable nothingFoundMessage={t('reader.form.nothingFound')} />
            <Select label={t('reader.form.mode')} data={modeOptions} value={modeId} onChange={(v) => {
                setModeId(v);
                setRequirementId(null);
              }} searchable clearable nothingFoundMessage={t('reader.form.nothingFound')} />
          </SimpleGrid>
          {individual && mode && requirementOptions.length > 0 && (
            <Select
              label={t('reader.form.requirement')}
              description={t('reader.form.requirementHint', { code: individual.code })}
              data={requirementOptions}
              value={requirementId}
              onChange={setRequirementId}
              searchable
              clearable
              nothingFoundMessage={t('reader.form.nothingFound')}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Textarea label={t('reader.form.note')} description={t('reader.form.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={10_000} />
          {missing && !title.trim() && <Alert color="red">{t('reader.form.titleRequired')}</Alert>}
          {create.error && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('reader.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
