import { Alert, Badge, Button, FileInput, Group, Progress, Select, Stack, Table, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fetchWholeReport, IMPORT_KINDS, reportCsv, useImport, useStartImport, type ImportKind } from './queries';

const route = getRouteApi('/cases/$caseId/imports');

/** Saves text as a file through a temporary link (nothing leaves the browser). */
function saveText(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Imports a CSV or JSON file of people, incidents or perpetrators: a dry run first, its per-row
 * report (row, field, message) with a download, then the real run, with progress.
 */
export function ImportsTab() {
  const { t, i18n } = useTranslation();
  const { caseId } = route.useParams();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<ImportKind | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [dryRunOf, setDryRunOf] = useState<{ file: File; kind: ImportKind } | null>(null);
  const start = useStartImport(caseId);
  const current = useImport(caseId, importId);
  const number = new Intl.NumberFormat(i18n.language);
  const imp = current.data;
  const done = imp?.status === 'completed' || imp?.status === 'failed';
  const dryRunPassed = imp?.dryRun && imp.status === 'completed' && dryRunOf?.file === file && dryRunOf?.kind === kind;

  const run = (dryRun: boolean) => {
    if (!file || !kind) return;
    start.mutate(
      { file, entityType: kind, dryRun },
      {
        onSuccess: (created) => {
          setImportId(created.id);
          setDryRunOf(dryRun ? { file, kind } : null);
        },
      },
    );
  };

  return (
    <Stack mt="md" maw={960}>
      <Text size="sm">{t('imports.explain')}</Text>
      <Group align="flex-end" wrap="wrap">
        <FileInput label={t('imports.file')} placeholder={t('imports.choose')} accept=".csv,.json,.jsonl,.ndjson,text/csv,application/json" value={file} onChange={setFile} clearable clearButtonProps={{ 'aria-label': t('imports.clearFile') }} w={280} />
        <Select label={t('imports.kind')} placeholder={t('imports.chooseKind')} data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))} value={kind} onChange={(v) => setKind(v as ImportKind | null)} w={200} />
        <Button onClick={() => run(true)} disabled={!file || !kind} loading={start.isPending && start.variables?.dryRun}>
          {t('imports.dryRun')}
        </Button>
        <Button onClick={() => run(false)} disabled={!dryRunPassed} loading={start.isPending && start.variables?.dryRun === false}>
          {t('imports.runForReal')}
        </Button>
      </Group>
      {!dryRunPassed && (
        <Text size="xs" c="dimmed">
          {t('imports.dryRunFirst')}
        </Text>
      )}
      {start.error && <ErrorAlert error={start.error} />}
      {current.error && <ErrorAlert error={current.error} />}
      {imp && (
        <Stack gap="xs">
          <Group gap="xs">
            <Badge variant="light" color={imp.dryRun ? 'blue' : 'green'}>
              {imp.dryRun ? t('imports.dryRunBadge') : t('imports.realBadge')}
            </Badge>
            <Text size="sm" role="status">
              {t(`imports.status.${imp.status}`)}
            </Text>
          </Group>
          <Progress value={imp.progress} aria-label={t('imports.progress')} animated={!done} />
          <Text size="sm">
            {t(imp.dryRun ? 'imports.countsDry' : 'imports.counts', {
              processed: number.format(imp.counts.processed),
              created: number.format(imp.counts.created),
              skipped: number.format(imp.counts.skipped),
              failed: number.format(imp.counts.failed),
            })}
          </Text>
          {imp.error && <Alert color="red">{imp.error}</Alert>}
          {done && imp.report.total === 0 && (
            <Alert color="green" title={t('imports.noProblems')}>
              {imp.dryRun ? t('imports.noProblemsDry') : t('imports.noProblemsReal')}
            </Alert>
          )}
          {imp.report.total > 0 && (
            <>
              <Group justify="space-between">
                <Text fw={600}>{t('imports.report', { n: number.format(imp.report.total) })}</Text>
                <Button variant="default" size="xs" onClick={() => void fetchWholeReport(caseId, imp.id).then((rows) => saveText(reportCsv(rows), `import-report-${imp.id.slice(0, 8)}.csv`))}>
                  {t('imports.download')}
                </Button>
              </Group>
              <Table withTableBorder aria-label={t('imports.reportLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('imports.row')}</Table.Th>
                    <Table.Th>{t('imports.field')}</Table.Th>
                    <Table.Th>{t('imports.message')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {imp.report.items.map((r, i) => (
                    <Table.Tr key={`${r.row}-${r.field}-${i}`}>
                      <Table.Td>{r.row === 0 ? t('imports.wholeFile') : r.row}</Table.Td>
                      <Table.Td>{r.field}</Table.Td>
                      <Table.Td>{r.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {imp.report.total > imp.report.items.length && <Text size="xs">{t('imports.moreInDownload')}</Text>}
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
