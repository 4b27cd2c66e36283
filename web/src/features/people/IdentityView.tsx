import { List, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IDENTITY_FIELDS, type Identity, type IdentityField } from './identity';

/** A dated value in the user's language, at the precision it is known. */
export function useBirthDateText() {
  const { t, i18n } = useTranslation();
  return (birthDate: Identity['birthDate']): string => {
    if (!birthDate || birthDate.precision === 'unknown' || !birthDate.date) return t('people.precisions.unknown');
    const [y = 1970, m = 1, d = 1] = birthDate.date.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    const parts = birthDate.date.split('-').length;
    const options: Intl.DateTimeFormatOptions = parts === 3 ? { dateStyle: 'long', timeZone: 'UTC' } : parts === 2 ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' };
    const text = new Intl.DateTimeFormat(i18n.language, options).format(date);
    return birthDate.precision === 'approximate' ? t('people.approximately', { date: text }) : text;
  };
}

/** One field of an identity as text people read (used by the panel and the conflict merge). */
export function useIdentityFieldText() {
  const { t } = useTranslation();
  const birthDateText = useBirthDateText();
  return (identity: Identity, field: IdentityField): ReactNode => {
    const empty = (
      <Text c="dimmed" span size="sm">
        {t('people.identity.notGiven')}
      </Text>
    );
    switch (field) {
      case 'namesHangul':
      case 'namesRomanised':
      case 'aliases':
        return identity[field]?.length ? identity[field].join(', ') : empty;
      case 'sex':
        return identity.sex ? t(`people.sexes.${identity.sex}`) : empty;
      case 'birthDate':
        return identity.birthDate ? birthDateText(identity.birthDate) : empty;
      case 'birthplace':
      case 'currentLocation':
        return identity[field] || empty;
      case 'relatives':
        return identity.relatives?.length ? (
          <List size="sm">
            {identity.relatives.map((r, i) => (
              <List.Item key={i}>
                {r.relation}: {r.name}
                {r.note ? ` — ${r.note}` : ''}
              </List.Item>
            ))}
          </List>
        ) : (
          empty
        );
      case 'contacts':
        return identity.contacts?.length ? (
          <List size="sm">
            {identity.contacts.map((c, i) => (
              <List.Item key={i}>
                {t(`people.contactKinds.${c.kind}`)}: {c.value}
              </List.Item>
            ))}
          </List>
        ) : (
          empty
        );
    }
  };
}



/** The revealed identity, field by field. */
export function IdentityView({ identity }: { identity: Identity }) {
  const { t } = useTranslation();
  const text = useIdentityFieldText();
  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label={t('people.identity.title')}>
      <Table.Tbody>
        {IDENTITY_FIELDS.map((field) => (
          <Table.Tr key={field}>
            <Table.Th w={220}>{t(`people.fields.${field}`)}</Table.Th>
            <Table.Td>{text(identity, field)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
