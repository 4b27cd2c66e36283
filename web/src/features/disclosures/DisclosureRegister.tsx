import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RECIPIENT_KINDS, useDisclosures, useTestimonyDisclosures, useTestimonyOptions, type Disclosure, type DisclosureFilters, type RecipientKind } from './queries';

const PAGE = 50;

/** What went where, when, under which profile: the case's disclosure register with its filters. */
export function DisclosureRegister({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Omit<DisclosureFilters, 'offset'>>({});
  const [filters, setFilters] = useState<DisclosureFilters>({ offset: 0 });
  const testimonies = useTestimonyOptions(caseId);
  const list = useDisclosures(caseId, filters);
  const total = list.data?.total ?? 0;
  return (
    <section aria-labelledby="disclosure-register-title">
      <Title order={2} size="h3" id="disclosure-register-title" mb="sm">
        {t('disclosures.register.title')}
      </Title>
      <form
        role="search"
        aria-label={t('disclosures.register.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ ...draft, personCode: draft.personCode?.trim() || undefined, recipient: draft.recipient?.trim() || undefined, offset: 0 });
        }}
      >
        <Group align="flex-end" gap="sm" mb="md">
          <TextInput label={t('disclosures.register.recipient')} value={draft.recipient ?? ''} onChange={(e) => {
              const recipient = e.currentTarget.value;
              setDraft((d) => ({ ...d, recipient }));
            }} />
          <Select
            label={t('disclosures.fields.recipientKind')}
            data={RECIPIENT_KINDS.map((k) => ({ value: k, label: t(`disclosures.kinds.${k}`) }))}
            value={draft.recipientKind ?? null}
            onChange={(v) => setDraft((d) => ({ ...d, recipientKind: (v as RecipientKind | null) ?? undefined }))}
            clearable
          />
          <Select
            label={t('disclosures.register.testimony')}
            data={testimonies.data ?? []}
            value={draft.testimonyId ?? null}
            onChange={(v) => setDraft((d) => ({ ...d, testimonyId: v ?? undefined }))}
            searchable
            clearable
          />
          <TextInput label={t('disclosures.register.personCode')} placeholder="W-0001" value={draft.personCode ?? ''} onChange={(e) => {
              const personCode = e.currentTarget.value;
              setDraft((d) => ({ ...d, personCode }));
            }} />
          <Button type="submit">{t('disclosures.register.apply')}</Button>
        </Group>
      </form>
      {list.error != null && <ErrorAlert error={list.error} />}
      {list.data && <DisclosureTable items={list.data.items} label={t('disclosures.register.title')} />}
      {total > PAGE && (
        <Group mt="sm">
          <Button variant="default" disabled={filters.offset === 0} onClick={() => setFilters((f) => ({ ...f, offset: Math.max(0, f.offset - PAGE) }))}>
            {t('disclosures.register.previous')}
          </Button>
          <Text size="sm">{t('disclosures.register.range', { from: filters.offset + 1, to: Math.min(total, filters.offset + PAGE), total })}</Text>
          <Button variant="default" disabled={filters.offset + PAGE >= total} onClick={() => setFilters((f) => ({ ...f, offset: f.offset + PAGE }))}>
            {t('disclosures.register.next')}
          </Button>
        </Group>
      )}
    </section>
  );
}

/** The register's rows: when, to whom, why, under which profile, what, and the package's hash. */
export function DisclosureTable({ items, label }: { items: Disclosure[]; label: string }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('disclosures.register.none')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped withTableBorder aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('disclosures.register.when')}</Table.Th>
            <Table.Th>{t('disclosures.register.recipient')}</Table.Th>
            <Table.Th>{t('disclosures.fields.purpose')}</Table.Th>
            <Table.Th>{t('disclosures.fields.profile')}</Table.Th>
            <Table.Th>{t('disclosures.register.what')}</Table.Th>
            <Table.Th>{t('disclosures.register.package')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{when.format(new Date(d.disclosedAt))}</Table.Td>
              <Table.Td>
                {d.recipient.name}{' '}
                <Badge variant="light" color="gray" tt="none">
                  {t(`disclosures.kinds.${d.recipient.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{t(`disclosures.purposes.${d.purpose}`, { defaultValue: d.purpose })}</Table.Td>
              <Table.Td>{t(`disclosures.profiles.${d.profile}`, { defaultValue: d.profile })}</Table.Td>
              <Table.Td>
                {t(`disclosures.entryKinds.${d.subjectType}`)}{' '}
                <Text span ff="monospace" size="sm">
                  {d.subjectCode}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text span ff="monospace" size="xs" title={d.packageSha256}>
                  {d.packageSha256.slice(0, 16)}…
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a testimony's page (case leads): who has received it, the list a team needs when consent is withdrawn. */
export function TestimonyDisclosures({ caseId, testimonyId }: { caseId: string; testimonyId: string }) {
  const { t } = useTranslation();
  const list = useTestimonyDisclosures(caseId, testimonyId);
  return (
    <Stack gap="xs" component="section" aria-labelledby="testimony-disclosures-title">
      <Title order={3} size="h4" id="testimony-disclosures-title">
        {t('disclosures.testimony.title')}
      </Title>
      {list.error != null && <ErrorAlert error={list.error} />}
      {list.data && <DisclosureTable items={list.data.items} label={t('disclosures.testimony.title')} />}
    </Stack>
  );
}
