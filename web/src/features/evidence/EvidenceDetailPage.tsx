import { Anchor, Badge, Blockquote, Card, Code, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCustody, useEvidenceItem, useItemLinks, useWorkingCopies, type EvidenceItem } from './queries';

const route = getRouteApi('/cases/$caseId/evidence/$itemId');

/** One evidence item: what it is, where it came from, its SHA-256, working copies, links to elements and its chain of custody. */
export function EvidenceDetailPage() {
  const { t } = useTranslation();
  const { caseId, itemId } = route.useParams();
  const item = useEvidenceItem(caseId, itemId);
  if (item.isPending) return <Loader aria-label={t('common.loading')} />;
  if (item.error) return <ErrorAlert error={item.error} />;
  return <Detail caseId={caseId} item={item.data} />;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children ?? '—'}
      </Text>
    </div>
  );
}

function ItemLink({ caseId, itemId, children }: { caseId: string; itemId: string; children: ReactNode }) {
  return <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/evidence/$itemId" params={{ caseId, itemId }} />}>{children}</Anchor>;
}

function Detail({ caseId, item }: { caseId: string; item: EvidenceItem }) {
  const { t, i18n } = useTranslation();
  const copies = useWorkingCopies(caseId, item.id);
  const links = useItemLinks(caseId, item.id);
  const custody = useCustody(caseId, item.id);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const p = item.provenance;
  return (
    <Stack mt="md" gap="lg">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>
            {item.code} · {item.title}
          </Title>
          <Badge variant="light">{t(`evidence.kinds.${item.kind}`)}</Badge>
          <Badge variant="light" color={item.role === 'original' ? 'blue' : 'gray'}>
            {t(`evidence.roles.${item.role}`)}
          </Badge>
        </Group>
        <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/evidence" params={{ caseId }} />}>{t('evidence.backToList')}</Anchor>
      </Group>
      {item.description && <Text>{item.description}</Text>}
      {item.passage && (
        <Card withBorder component="section" aria-label={t('evidence.passage')}>
          <Title order={3} size="h4" mb="xs">
            {t('evidence.passage')}
          </Title>
          {item.passage.quote ? <Blockquote p="sm">{item.passage.quote}</Blockquote> : <Text c="dimmed">{t('evidence.quoteInReader')}</Text>}
          {item.testimonyId && (
            <Anchor mt="xs" renderRoot={(props) => <Link {...props} to="/cases/$caseId/testimonies/$testimonyId/reader" params={{ caseId, testimonyId: item.testimonyId! }} />}>
              {t('evidence.openInReader')}
            </Anchor>
          )}
        </Card>
      )}
      <Card withBorder component="section" aria-labelledby="evidence-integrity">
        <Title order={3} size="h4" mb="xs" id="evidence-integrity">
          {t('evidence.integrity')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
          <Field label="SHA-256">{item.sha256 ? <Code style={{ wordBreak: 'break-all' }}>{item.sha256}</Code> : t(item.passage ? 'evidence.shaCleared' : 'evidence.noSha')}</Field>
          <Field label={t('evidence.derivedFrom')}>{item.derivedFromItemId ? <ItemLink caseId={caseId} itemId={item.derivedFromItemId}>{t('evidence.openOriginal')}</ItemLink> : null}</Field>
          {item.derivation && <Field label={t('evidence.derivation')}>{item.derivation}</Field>}
          {item.physicalLocation && <Field label={t('evidence.physicalLocation')}>{item.physicalLocation}</Field>}
        </SimpleGrid>
      </Card>
      <Card withBorder component="section" aria-labelledby="evidence-provenance">
        <Title order={3} size="h4" mb="xs" id="evidence-provenance">
          {t('evidence.provenance')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
          <Field label={t('evidence.source')}>{p.source}</Field>
          <Field label={t('evidence.sourceUrl')}>{p.sourceUrl}</Field>
          <Field label={t('evidence.collectedBy')}>{p.collectedBy}</Field>
          <Field label={t('evidence.collectedOn')}>{p.collectedOn.date ?? null}</Field>
          <Field label={t('evidence.method')}>{p.method}</Field>
        </SimpleGrid>
      </Card>
      {item.role === 'original' && (
        <Card withBorder component="section" aria-labelledby="evidence-copies">
          <Title order={3} size="h4" mb="xs" id="evidence-copies">
            {t('evidence.workingCopies')}
          </Title>
          {copies.data && copies.data.items.length === 0 && <Text c="dimmed">{t('evidence.noCopies')}</Text>}
          {copies.data?.items.map((c) => (
            <Group key={c.id} gap="xs">
              <ItemLink caseId={caseId} itemId={c.id}>{c.code}</ItemLink>
              <Text size="sm">{c.title}</Text>
              {c.derivation && <Text size="sm" c="dimmed">({c.derivation})</Text>}
            </Group>
          ))}
        </Card>
      )}
      <Card withBorder component="section" aria-labelledby="evidence-links">
        <Title order={3} size="h4" mb="xs" id="evidence-links">
          {t('evidence.links')}
        </Title>
        {links.error && <ErrorAlert error={links.error} />}
        {links.data && links.data.items.length === 0 && <Text c="dimmed">{t('evidence.noLinks')}</Text>}
        {links.data && links.data.items.length > 0 && (
          <Table aria-labelledby="evidence-links">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evidence.element')}</Table.Th>
                <Table.Th>{t('reader.form.relation')}</Table.Th>
                <Table.Th>{t('evidence.assessment')}</Table.Th>
                <Table.Th>{t('evidence.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {links.data.items.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.elementCode}</Table.Td>
                  <Table.Td>{t(`evidence.relations.${l.relation}`)}</Table.Td>
                  <Table.Td>
                    {l.probativeValue} · {l.sourceReliability}
                    {l.informationCredibility}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={l.status === 'reviewed' ? 'green' : l.status === 'returned' ? 'violet' : 'gray'}>
                      {t(`evidence.linkStatuses.${l.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder component="section" aria-labelledby="evidence-custody">
        <Title order={3} size="h4" mb="xs" id="evidence-custody">
          {t('evidence.custody')}
        </Title>
        {custody.error && <ErrorAlert error={custody.error} />}
        {custody.data && (
          <Table aria-labelledby="evidence-custody">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('home.activity.when')}</Table.Th>
                <Table.Th>{t('evidence.custodyAction')}</Table.Th>
                <Table.Th>{t('evidence.custodyWho')}</Table.Th>
                <Table.Th>{t('evidence.custodyHash')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {custody.data.map((c) => (
                <Table.Tr key={c.seq}>
                  <Table.Td>
                    <time dateTime={c.occurredAt}>{when.format(new Date(c.occurredAt))}</time>
                  </Table.Td>
                  <Table.Td>{t(`activity.actions.${c.action}`, { defaultValue: c.action })}</Table.Td>
                  <Table.Td>{c.actorName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Code>{c.hash.slice(0, 12)}…</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
