import { ActionIcon, Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../api/errors';
import { CONTACT_KINDS, DATE_PRECISIONS, SEXES, type ContactKind, type DatePrecision, type IdentityForm, type Sex } from './identity';
import { PlacePicker } from './PlacePicker';

const DATE_SHAPES: Record<DatePrecision, string> = { day: 'YYYY-MM-DD', month: 'YYYY-MM', year: 'YYYY', approximate: 'YYYY', unknown: '' };

/** The problems the API named for a field of the identity (e.g. identity.birthDate.date). */
function problemOf(problems: FieldProblem[], field: string): string | undefined {
  const found = problems.find((p) => p.field === field || p.field === `identity.${field}`);
  return found ? found.problems.join('; ') : undefined;
}

/** A list of rows (relatives, contacts), each its own fieldset with a remove button, and an add button. */
function RowList<Row extends object>(props: {
  legend: string;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  blank: Row;
  rowLegend: (n: number) => string;
  removeLabel: (n: number) => string;
  addLabel: string;
  renderRow: (row: Row, index: number, update: (patch: Partial<Row>) => void) => ReactNode;
}) {
  const { legend, rows, onChange, blank, rowLegend, removeLabel, addLabel, renderRow } = props;
  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">
        {rows.map((row, i) => (
          <Fieldset key={i} legend={rowLegend(i + 1)} variant="filled">
            <Group align="flex-end" wrap="wrap">
              {renderRow(row, i, (patch) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))))}
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={removeLabel(i + 1)} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                ×
              </ActionIcon>
            </Group>
          </Fieldset>
        ))}
        <Button variant="light" onClick={() => onChange([...rows, { ...blank }])} style={{ alignSelf: 'flex-start' }}>
          {addLabel}
        </Button>
      </Stack>
    </Fieldset>
  );
}

/** Every identifying field of a person, for recording and editing (cleared members only). */
export function IdentityFields({ value, onChange, problems = [] }: { value: IdentityForm; onChange: (next: IdentityForm) => void; problems?: FieldProblem[] }) {
  const { t } = useTranslation();
  const set = <K extends keyof IdentityForm>(key: K, v: IdentityForm[K]) => onChange({ ...value, [key]: v });
  const tagsHelp = t('people.identity.tagsHelp');

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TagsInput label={t('people.identity.namesHangul')} description={tagsHelp} value={value.namesHangul} onChange={(v) => set('namesHangul', v)} error={problemOf(problems, 'namesHangul')} />
        <TagsInput label={t('people.identity.namesRomanised')} description={tagsHelp} value={value.namesRomanised} onChange={(v) => set('namesRomanised', v)} error={problemOf(problems, 'namesRomanised')} />
        <TagsInput label={t('people.identity.aliases')} description={tagsHelp} value={value.aliases} onChange={(v) => set('aliases', v)} error={problemOf(problems, 'aliases')} />
        <NativeSelect
          label={t('people.identity.sex')}
          value={value.sex}
          onChange={(e) => set('sex', e.currentTarget.value as Sex | '')}
          data={[{ value: '', label: t('people.identity.notGiven') }, ...SEXES.map((s) => ({ value: s, label: t(`people.sexes.${s}`) }))]}
        />
      </SimpleGrid>

      <Fieldset legend={t('people.identity.birthDate')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('people.identity.precision')}
            value={value.birthPrecision}
            onChange={(e) => {
              const precision = e.currentTarget.value as DatePrecision;
              onChange({ ...value, birthPrecision: precision, birthDate: precision === 'unknown' ? '' : value.birthDate });
            }}
            data={DATE_PRECISIONS.map((p) => ({ value: p, label: t(`people.precisions.${p}`) }))}
          />
          <TextInput
            label={t('people.identity.date')}
            description={value.birthPrecision === 'unknown' ? undefined : t('people.identity.dateShape', { shape: DATE_SHAPES[value.birthPrecision] })}
            placeholder={DATE_SHAPES[value.birthPrecision]}
            disabled={value.birthPrecision === 'unknown'}
            value={value.birthDate}
            onChange={(e) => set('birthDate', e.currentTarget.value)}
            error={problemOf(problems, 'birthDate.date') ?? problemOf(problems, 'birthDate')}
          />
        </SimpleGrid>
      </Fieldset>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PlacePicker label={t('people.identity.birthplace')} value={value.birthplace} onChange={(v) => set('birthplace', v)} />
        <PlacePicker label={t('people.identity.currentLocation')} value={value.currentLocation} onChange={(v) => set('currentLocation', v)} />
      </SimpleGrid>

      <RowList
        legend={t('people.identity.relatives')}
        rows={value.relatives}
        onChange={(rows) => set('relatives', rows)}
        blank={{ relation: '', name: '', note: '' }}
        rowLegend={(n) => t('people.identity.relativeN', { n })}
        removeLabel={(n) => t('people.identity.removeRelative', { n })}
        addLabel={t('people.identity.addRelative')}
        renderRow={(relative, i, update) => (
          <>
            <TextInput label={t('people.identity.relation')} placeholder={t('people.identity.relationExample')} value={relative.relation} onChange={(e) => update({ relation: e.currentTarget.value })} error={problemOf(problems, `relatives.${i}.relation`)} />
            <TextInput label={t('people.identity.relativeName')} value={relative.name} onChange={(e) => update({ name: e.currentTarget.value })} error={problemOf(problems, `relatives.${i}.name`)} />
            <TextInput label={t('people.identity.note')} value={relative.note} onChange={(e) => update({ note: e.currentTarget.value })} style={{ flex: 1 }} />
          </>
        )}
      />

      <RowList
        legend={t('people.identity.contacts')}
        rows={value.contacts}
        onChange={(rows) => set('contacts', rows)}
        blank={{ kind: 'phone' as ContactKind, value: '' }}
        rowLegend={(n) => t('people.identity.contactN', { n })}
        removeLabel={(n) => t('people.identity.removeContact', { n })}
        addLabel={t('people.identity.addContact')}
        renderRow={(contact, i, update) => (
          <>
            <NativeSelect label={t('people.identity.contactKind')} value={contact.kind} onChange={(e) => update({ kind: e.currentTarget.value as ContactKind })} data={CONTACT_KINDS.map((k) => ({ value: k, label: t(`people.contactKinds.${k}`) }))} />
            <TextInput label={t('people.identity.contactValue')} value={contact.value} onChange={(e) => update({ value: e.currentTarget.value })} error={problemOf(problems, `contacts.${i}.value`)} style={{ flex: 1 }} />
          </>
        )}
      />
    </Stack>
  );
}
