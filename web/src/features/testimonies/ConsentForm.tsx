import { Checkbox, Fieldset, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localDateTimeNow } from './format';
import { CONSENT_METHODS, CONSENT_PURPOSES, type CaseMember, type ConsentInput, type ConsentMethod, type ConsentPurpose, type ConsentVersion } from './queries';

/** The consent as typed: takenAt is a local date-time until it is sent. */
export interface ConsentDraft {
  purposes: ConsentPurpose[];
  anonymityRequired: boolean;
  identityDisclosureAllowed: boolean;
  noDeathPenaltyProceedings: boolean;
  recontactAllowed: boolean;
  method: ConsentMethod;
  takenBy: string;
  takenAt: string;
}

/** A cautious start: nothing shared, anonymity required, no death-penalty proceedings. */
export function emptyConsent(takenBy: string): ConsentDraft {
  return { purposes: [], anonymityRequired: true, identityDisclosureAllowed: false, noDeathPenaltyProceedings: true, recontactAllowed: false, method: 'signed_form', takenBy, takenAt: localDateTimeNow() };
}

/** A new version starts from the one in force (the scope), taken now. */
export function consentFrom(version: ConsentVersion, takenBy: string): ConsentDraft {
  return { ...emptyConsent(takenBy), purposes: [...version.purposes], anonymityRequired: version.anonymityRequired, identityDisclosureAllowed: version.identityDisclosureAllowed, noDeathPenaltyProceedings: version.noDeathPenaltyProceedings, recontactAllowed: version.recontactAllowed, method: version.method };
}

export function consentInput(draft: ConsentDraft): ConsentInput {
  return { ...draft, identityDisclosureAllowed: draft.anonymityRequired ? false : draft.identityDisclosureAllowed, takenAt: new Date(draft.takenAt).toISOString() };
}

/** Every field of the consent record, each choice explained in plain words. */
export function ConsentForm({ value, onChange, members }: { value: ConsentDraft; onChange: (value: ConsentDraft) => void; members: CaseMember[] }) {
  const { t } = useTranslation();
  const set = <K extends keyof ConsentDraft>(key: K, v: ConsentDraft[K]) => onChange({ ...value, [key]: v });
  return (
    <Stack gap="md">
      <Fieldset legend={t('testimonies.consent.purposesLegend')}>
        <Text size="sm" mb="sm">
          {t('testimonies.consent.purposesHelp')}
        </Text>
        <Checkbox.Group value={value.purposes} onChange={(v) => set('purposes', v as ConsentPurpose[])}>
          <Stack gap="sm">
            {CONSENT_PURPOSES.map((p) => (
              <Checkbox key={p} value={p} label={t(`testimonies.consent.purposes.${p}`)} description={t(`testimonies.consent.purposeHelp.${p}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Fieldset>
      <Fieldset legend={t('testimonies.consent.conditionsLegend')}>
        <Stack gap="sm">
          <Checkbox
            checked={value.anonymityRequired}
            onChange={(e) => onChange({ ...value, anonymityRequired: e.currentTarget.checked, identityDisclosureAllowed: e.currentTarget.checked ? false : value.identityDisclosureAllowed })}
            label={t('testimonies.consent.anonymityRequired')}
            description={t('testimonies.consent.anonymityRequiredHelp')}
          />
          <Checkbox
            checked={value.identityDisclosureAllowed && !value.anonymityRequired}
            disabled={value.anonymityRequired}
            onChange={(e) => set('identityDisclosureAllowed', e.currentTarget.checked)}
            label={t('testimonies.consent.identityDisclosureAllowed')}
            description={value.anonymityRequired ? t('testimonies.consent.identityDisclosureBlocked') : t('testimonies.consent.identityDisclosureAllowedHelp')}
          />
          <Checkbox
            checked={value.noDeathPenaltyProceedings}
            onChange={(e) => set('noDeathPenaltyProceedings', e.currentTarget.checked)}
            label={t('testimonies.consent.noDeathPenaltyProceedings')}
            description={t('testimonies.consent.noDeathPenaltyProceedingsHelp')}
          />
          <Checkbox
            checked={value.recontactAllowed}
            onChange={(e) => set('recontactAllowed', e.currentTarget.checked)}
            label={t('testimonies.consent.recontactAllowed')}
            description={t('testimonies.consent.recontactAllowedHelp')}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('testimonies.consent.takenLegend')}>
        <Stack gap="sm">
          <Radio.Group label={t('testimonies.consent.method')} value={value.method} onChange={(m) => set('method', m as ConsentMethod)}>
            <Stack gap="xs" mt="xs">
              {CONSENT_METHODS.map((m) => (
                <Radio key={m} value={m} label={t(`testimonies.consent.methods.${m}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Select
            label={t('testimonies.consent.takenBy')}
            data={members.map((m) => ({ value: m.userId, label: m.displayName }))}
            value={value.takenBy || null}
            onChange={(v) => v && set('takenBy', v)}
            allowDeselect={false}
            searchable
            required
          />
          <TextInput type="datetime-local" label={t('testimonies.consent.takenAt')} value={value.takenAt} onChange={(e) => set('takenAt', e.currentTarget.value)} required />
        </Stack>
      </Fieldset>
    </Stack>
  );
}
