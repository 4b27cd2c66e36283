import { ActionIcon, Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
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

      <Fieldset legend={t('people.identity.relatives')}>
        <Stack gap="sm">
          {value.relatives.map((relative, i) => {
            const update = (patch: Partial<IdentityForm['relatives'][number]>) => set('relatives', value.relatives.map((r, j) => (j === i ? { ...r, ...patch } : r)));
            return (
              <Fieldset key={i} legend={t('people.identity.relativeN', { n: i + 1 })} variant="filled">
                <Group align="flex-end" wrap="wrap">
                  <TextInput label={t('people.identity.relation')} placeholder={t('people.identity.relationExample')} value={relative.relation} onChange={(e) => update({ relation: e.currentTarget.value })} error={problemOf(problems, `relatives.${i}.relation`)} />
                  <TextInput label={t('people.identity.relativeName')} value={relative.name} onChange={(e) => update({ name: e.currentTarget.value })} error={problemOf(problems, `relatives.${i}.name`)} />
                  <TextInput label={t('people.identity.note')} value={relative.note} onChange={(e) => update({ note: e.currentTarget.value })} style={{ flex: 1 }} />
                  <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('people.identity.removeRelative', { n: i + 1 })} onClick={() => set('relatives', value.relatives.filter((_, j) => j !== i))}>
                    ×
                  </ActionIcon>
                </Group>
              </Fieldset>
            );
          })}
          <Button variant="light" onClick={() => set('relatives', [...value.relatives, { relation: '', name: '', note: '' }])} style={{ alignSelf: 'flex-start' }}>
            {t('people.identity.addRelative')}
          </Button>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('people.identity.contacts')}>
        <Stack gap="sm">
          {value.contacts.map((contact, i) => {
            const update = (patch: Partial<IdentityForm['contacts'][number]>) => set('contacts', value.contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)));
            return (
              <Fieldset key={i} legend={t('people.identity.contactN', { n: i + 1 })} variant="filled">
                <Group align="flex-end" wrap="wrap">
                  <NativeSelect label={t('people.identity.contactKind')} value={contact.kind} onChange={(e) => update({ kind: e.currentTarget.value as ContactKind })} data={CONTACT_KINDS.map((k) => ({ value: k, label: t(`people.contactKinds.${k}`) }))} />
                  <TextInput label={t('people.identity.contactValue')} value={contact.value} onChange={(e) => update({ value: e.currentTarget.value })} error={problemOf(problems, `contacts.${i}.value`)} style={{ flex: 1 }} />
                  <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('people.identity.removeContact', { n: i + 1 })} onClick={() => set('contacts', value.contacts.filter((_, j) => j !== i))}>
                    ×
                  </ActionIcon>
                </Group>
              </Fieldset>
            );
          })}
          <Button variant="light" onClick={() => set('contacts', [...value.contacts, { kind: 'phone', value: '' }])} style={{ alignSelf: 'flex-start' }}>
            {t('people.identity.addContact')}
          </Button>
        </Stack>
      </Fieldset>
    </Stack>
  );
}
