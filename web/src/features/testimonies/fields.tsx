import { Group, MultiSelect, Select, TagsInput, Textarea, TextInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COMMON_LANGUAGES, languageName } from './format';
import { DATE_PRECISIONS, MODALITIES, RISK_LEVELS, type CaseMember, type DatedValue, type Modality, type RiskLevel, type TestimonySensitive } from './queries';

const SHAPES: Record<DatedValue['precision'], RegExp | null> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
  approximate: /^\d{4}(-\d{2}(-\d{2})?)?$/,
  unknown: null,
};

/** The i18n key of what is wrong with a dated value, or null (the API checks again). */
export function datedValueProblem(value: DatedValue): string | null {
  if (value.precision === 'unknown') return null;
  if (!value.date) return 'testimonies.date.required';
  if (!SHAPES[value.precision]?.test(value.date)) return `testimonies.date.shape.${value.precision}`;
  return null;
}

/** A date with its precision: day, month, year, approximate or unknown. */
export function DatedValueInput({ value, onChange, error }: { value: DatedValue; onChange: (value: DatedValue) => void; error?: string | null }) {
  const { t } = useTranslation();
  const precision = value.precision;
  const input = {
    label: t('testimonies.date.value'),
    value: value.date ?? '',
    error,
    onChange: (e: { currentTarget: { value: string } }) => onChange({ precision, date: e.currentTarget.value || undefined }),
  };
  return (
    <Group align="flex-start" grow>
      <Select
        label={t('testimonies.date.precision')}
        description={t('testimonies.date.precisionHelp')}
        data={DATE_PRECISIONS.map((p) => ({ value: p, label: t(`testimonies.date.precisions.${p}`) }))}
        value={precision}
        allowDeselect={false}
        onChange={(p) => p && onChange({ precision: p as DatedValue['precision'], date: p === 'unknown' ? undefined : value.date })}
      />
      {precision === 'day' && <TextInput type="date" {...input} />}
      {precision === 'month' && <TextInput type="month" {...input} description={t('testimonies.date.shapeHint.month')} />}
      {precision === 'year' && <TextInput inputMode="numeric" maxLength={4} {...input} description={t('testimonies.date.shapeHint.year')} />}
      {precision === 'approximate' && <TextInput {...input} description={t('testimonies.date.shapeHint.approximate')} />}
    </Group>
  );
}

/** BCP 47 languages, named in the user's language by Intl.DisplayNames. */
export function LanguagesInput({ value, onChange, error }: { value: string[]; onChange: (value: string[]) => void; error?: string | null }) {
  const { t, i18n } = useTranslation();
  const tags = [...new Set([...COMMON_LANGUAGES, ...value])];
  const collator = new Intl.Collator(i18n.language);
  const data = tags.map((tag) => ({ value: tag, label: `${languageName(tag, i18n.language)} (${tag})` })).sort((a, b) => collator.compare(a.label, b.label));
  return (
    <MultiSelect
      label={t('testimonies.fields.languages')}
      description={t('testimonies.fields.languagesHelp')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      required
      error={error}
      nothingFoundMessage={t('testimonies.nothingFound')}
    />
  );
}

/** Case members picked by name. */
export function MembersInput({ members, value, onChange, label, description }: { members: CaseMember[]; value: string[]; onChange: (value: string[]) => void; label: string; description?: string }) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      label={label}
      description={description}
      data={members.map((m) => ({ value: m.userId, label: m.displayName }))}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage={t('testimonies.nothingFound')}
    />
  );
}

export function ModalityRiskInputs({ modality, riskLevel, onModality, onRisk }: { modality: Modality | null; riskLevel: RiskLevel | null; onModality: (m: Modality) => void; onRisk: (r: RiskLevel) => void }) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start">
      <Select
        label={t('testimonies.fields.modality')}
        data={MODALITIES.map((m) => ({ value: m, label: t(`testimonies.modalities.${m}`) }))}
        value={modality}
        onChange={(m) => m && onModality(m as Modality)}
        allowDeselect={false}
        required
      />
      <Select
        label={t('testimonies.fields.riskLevel')}
        description={t('testimonies.fields.riskLevelHelp')}
        data={RISK_LEVELS.map((r) => ({ value: r, label: t(`testimonies.riskLevels.${r}`) }))}
        value={riskLevel}
        onChange={(r) => r && onRisk(r as RiskLevel)}
        allowDeselect={false}
        required
      />
    </Group>
  );
}

export function TagsField({ value, onChange }: { value: string[]; onChange: (value: string[]) => void }) {
  const { t } = useTranslation();
  return <TagsInput label={t('testimonies.fields.tags')} description={t('testimonies.fields.tagsHelp')} value={value} onChange={onChange} clearable />;
}

/** Place of interview, interpreter, risk notes: rendered only for members with identity clearance. */
export function SensitiveInputs({ value, onChange }: { value: TestimonySensitive; onChange: (value: TestimonySensitive) => void }) {
  const { t } = useTranslation();
  const field = (name: keyof TestimonySensitive) => ({
    label: t(`testimonies.sensitive.${name}`),
    value: value[name] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => onChange({ ...value, [name]: e.currentTarget.value }),
  });
  return (
    <Stack gap="sm">
      <TextInput {...field('placeOfInterview')} />
      <TextInput {...field('interpreter')} />
      <Textarea {...field('riskNotes')} autosize minRows={2} />
    </Stack>
  );
}
