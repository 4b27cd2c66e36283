import { Button, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DiffView } from './DiffView';
import { useVersionText, type Transcript } from './queries';

/** The versions of one transcript (author, time, what it translates) and a diff between any two. */
export function VersionHistory({ caseId, testimonyId, transcript, original, languageName }: {
  caseId: string;
  testimonyId: string;
  transcript: Transcript;
  original?: Transcript;
  languageName: string;
}) {
  const { t, i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const versions = transcript.versions;
  const options = versions.map((v) => ({ value: String(v.version), label: t('transcripts.versionN', { version: v.version }) }));
  // Until the user picks, compare the two newest versions (also after a new one is saved).
  const [fromChoice, setFrom] = useState<string | null>(null);
  const [toChoice, setTo] = useState<string | null>(null);
  const from = fromChoice ?? (versions.length > 1 ? String(versions[versions.length - 2]!.version) : null);
  const to = toChoice ?? (versions.length > 0 ? String(versions[versions.length - 1]!.version) : null);
  const [shown, setShown] = useState<{ from: number; to: number } | null>(null);
  const originalVersionOf = (id: string | null) => original?.versions.find((v) => v.id === id)?.version;

  return (
    <Stack gap="xs">
      <Table striped withTableBorder aria-label={t('transcripts.versionsOf', { language: languageName })}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('transcripts.version')}</Table.Th>
            <Table.Th>{t('transcripts.author')}</Table.Th>
            <Table.Th>{t('transcripts.savedAt')}</Table.Th>
            {transcript.kind === 'translation' && <Table.Th>{t('transcripts.translates')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...versions].reverse().map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>{v.author ?? t('transcripts.unknownAuthor')}</Table.Td>
              <Table.Td>{fmt.format(new Date(v.createdAt))}</Table.Td>
              {transcript.kind === 'translation' && <Table.Td>{t('transcripts.originalVersionN', { version: originalVersionOf(v.translatesVersionId ?? null) ?? '?' })}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {versions.length > 1 && (
        <Group align="flex-end" gap="xs">
          <Select label={t('transcripts.compareFrom')} data={options} value={from} onChange={setFrom} w={130} allowDeselect={false} />
          <Select label={t('transcripts.compareTo')} data={options} value={to} onChange={setTo} w={130} allowDeselect={false} />
          <Button variant="default" disabled={!from || !to || from === to} onClick={() => from && to && setShown({ from: Number(from), to: Number(to) })}>
            {t('transcripts.showDiff')}
          </Button>
        </Group>
      )}
      {shown && <VersionDiff caseId={caseId} testimonyId={testimonyId} transcriptId={transcript.id} from={shown.from} to={shown.to} />}
    </Stack>
  );
}

function VersionDiff({ caseId, testimonyId, transcriptId, from, to }: { caseId: string; testimonyId: string; transcriptId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const a = useVersionText(caseId, testimonyId, transcriptId, from);
  const b = useVersionText(caseId, testimonyId, transcriptId, to);
  if (a.error || b.error) return <ErrorAlert error={a.error ?? b.error} />;
  if (!a.data || !b.data) return <Loader size="sm" aria-label={t('common.loading')} />;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('transcripts.diffBetween', { from, to })}
      </Text>
      <DiffView before={a.data.text} after={b.data.text} label={t('transcripts.diffBetween', { from, to })} />
    </Stack>
  );
}
