import '@mantine/dropzone/styles.css';
import { Alert, Anchor, Badge, Button, Code, Group, Loader, Pagination, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCase } from '../cases/queries';
import { downloadUrl, filesKey, useFiles } from './queries';
import { fileKind, HASH_IN_BROWSER_MAX, sha256Hex, uploadWithProgress, type FileInfo } from './upload';

/** The API's default upload limit (UPLOAD_MAX_BYTES); larger files are refused here, before sending. */
export const UPLOAD_MAX_BYTES = 2 * 1024 ** 3;
const PAGE = 20;
const caseRoute = getRouteApi('/cases/$caseId/files');

/** Sizes in decimal units (kB, MB, GB), in the user's language. */
function formatBytes(n: number, language: string): string {
  const [unit, divisor] = n >= 1e9 ? (['gigabyte', 1e9] as const) : n >= 1e6 ? (['megabyte', 1e6] as const) : n >= 1e3 ? (['kilobyte', 1e3] as const) : (['byte', 1] as const);
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(n / divisor);
}

interface Upload {
  key: string;
  size: number;
  progress: number;
  localSha256?: string;
  result?: FileInfo;
  error?: unknown;
}

/** All files of a case (a case tab): those of testimonies and those of the case itself. */
export function CaseFilesTab() {
  const { caseId } = caseRoute.useParams();
  return <FilesPanel caseId={caseId} />;
}

/** Files of one testimony: drag-and-drop upload with progress and SHA-256, list, download. */
export function TestimonyFilesSlot({ caseId, testimonyId }: { caseId: string; testimonyId: string }) {
  return <FilesPanel caseId={caseId} testimonyId={testimonyId} />;
}

/**
 * Upload (to a testimony when given) and list files. File names are identity-sensitive and sealed:
 * the API returns them to nobody, so files appear by kind, type, size and SHA-256. Downloading a
 * testimony's file needs identity clearance (the API refuses it otherwise), so only cleared members
 * see the link.
 */
export function FilesPanel({ caseId, testimonyId }: { caseId: string; testimonyId?: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const kase = useCase(caseId);
  const [offset, setOffset] = useState(0);
  const files = useFiles(caseId, testimonyId, { limit: PAGE, offset });
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const bytes = (n: number) => formatBytes(n, i18n.language);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const cleared = !!kase.data?.myIdentityClearance;
  const canUpload = kase.data?.myRole === 'lead' || kase.data?.myRole === 'investigator';
  // A testimony's files identify the witness: the API sends them only to cleared members.
  const canDownload = (f: FileInfo) => !f.testimonyId || !!kase.data?.myIdentityClearance;

  const update = (key: string, patch: Partial<Upload>) => setUploads((prev) => prev.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  const start = async (file: File, key: string) => {
    try {
      if (file.size <= HASH_IN_BROWSER_MAX) update(key, { localSha256: await sha256Hex(file) });
      const fields: Record<string, string> = { kind: fileKind(file.type) };
      if (testimonyId) fields.testimonyId = testimonyId;
      const result = await uploadWithProgress(caseId, file, fields, (progress) => update(key, { progress }));
      update(key, { result, progress: 1 });
      await queryClient.invalidateQueries({ queryKey: filesKey(caseId, testimonyId) });
    } catch (error) {
      update(key, { error });
    }
  };

  const onDrop = (dropped: File[]) => {
    const ok: File[] = [];
    const tooBig: File[] = [];
    for (const f of dropped) (f.size > UPLOAD_MAX_BYTES ? tooBig : ok).push(f);
    setRefused(tooBig.map(() => t('files.tooLarge', { limit: bytes(UPLOAD_MAX_BYTES) })));
    const added = ok.map((f) => ({ file: f, upload: { key: `${Date.now()}-${Math.random()}`, size: f.size, progress: 0 } }));
    setUploads((prev) => [...added.map((a) => a.upload), ...prev]);
    for (const a of added) void start(a.file, a.upload.key);
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="files-title">
      <Title order={2} size="h3" id="files-title">
        {t('files.title')}
      </Title>
      {canUpload && (
        <Dropzone onDrop={onDrop} onReject={(rejections) => setRefused(rejections.map(() => t('files.tooLarge', { limit: bytes(UPLOAD_MAX_BYTES) })))} maxSize={UPLOAD_MAX_BYTES} aria-label={t('files.dropLabel')} name="file">
          <Stack align="center" gap={4} mih={90} justify="center" style={{ pointerEvents: 'none' }}>
            <Text fw={500}>{t('files.drop')}</Text>
            <Text size="sm" c="dimmed">
              {t('files.dropHint', { limit: bytes(UPLOAD_MAX_BYTES) })}
            </Text>
          </Stack>
        </Dropzone>
      )}
      {refused.map((r, i) => (
        <Alert key={i} color="red" variant="light" role="alert">
          {r}
        </Alert>
      ))}
      {uploads.map((u) => (
        <Stack key={u.key} gap={4} data-testid="upload">
          <Group justify="space-between">
            <Text size="sm">{t('files.uploading', { size: bytes(u.size) })}</Text>
            <Text size="sm" role="status">
              {u.error ? t('files.failed') : u.result ? t('files.uploaded') : new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(u.progress)}
            </Text>
          </Group>
          <Progress value={u.progress * 100} color={u.error ? 'red' : u.result ? 'teal' : 'indigo'} aria-label={t('files.progressLabel')} />
          {u.error ? <ErrorAlert error={u.error} /> : null}
          {u.result && (
            <Text size="sm">
              {t('files.sha256')}: <Code>{u.result.sha256}</Code>{' '}
              {u.localSha256 &&
                (u.localSha256 === u.result.sha256 ? (
                  <Badge color="teal.9" variant="filled" tt="none">
                    {t('files.matches')}
                  </Badge>
                ) : (
                  <Badge color="red.9" variant="filled" tt="none">
                    {t('files.differs')}
                  </Badge>
                ))}
            </Text>
          )}
        </Stack>
      ))}
      {files.error && <ErrorAlert error={files.error} />}
      {!files.data && !files.error && <Loader size="sm" aria-label={t('common.loading')} />}
      {files.data && files.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('files.none')}
        </Text>
      )}
      {files.data && files.data.items.length > 0 && (
        <Table striped withTableBorder aria-label={t('files.listLabel')}>
          <Table.Thead>
            <Table.Tr>
              {cleared && <Table.Th>{t('files.name')}</Table.Th>}
              <Table.Th>{t('files.kind')}</Table.Th>
              <Table.Th>{t('files.mediaType')}</Table.Th>
              <Table.Th>{t('files.size')}</Table.Th>
              <Table.Th>{t('files.sha256')}</Table.Th>
              <Table.Th>{t('files.uploadedAt')}</Table.Th>
              <Table.Th>{t('files.download')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {files.data.items.map((f) => (
              <Table.Tr key={f.id}>
                {cleared && (
                  <Table.Td>
                    <FileName caseId={caseId} fileId={f.id} />
                  </Table.Td>
                )}
                <Table.Td>{t(`files.kinds.${f.kind}`)}</Table.Td>
                <Table.Td>{f.mediaType}</Table.Td>
                <Table.Td>{bytes(f.size)}</Table.Td>
                <Table.Td>
                  <Code title={f.sha256}>{f.sha256.slice(0, 16)}…</Code>
                </Table.Td>
                <Table.Td>{fmt.format(new Date(f.uploadedAt))}</Table.Td>
                <Table.Td>
                  {canDownload(f) ? (
                    <Anchor href={downloadUrl(caseId, f.id)} download aria-label={t('files.downloadOne', { kind: t(`files.kinds.${f.kind}`), date: fmt.format(new Date(f.uploadedAt)) })}>
                      {t('files.download')}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('files.needsClearance')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {files.data && files.data.total > PAGE && (
        <Pagination total={Math.ceil(files.data.total / PAGE)} value={offset / PAGE + 1} onChange={(p) => setOffset((p - 1) * PAGE)} />
      )}
    </Stack>
  );
}

/**
 * The name a file was uploaded with (it often names the witness): sealed, revealed only on an
 * explicit action that says it is audited, kept in this component's memory only.
 */
function FileName({ caseId, fileId }: { caseId: string; fileId: string }) {
  const { t } = useTranslation();
  const reveal = useMutation({ mutationFn: () => unwrap(api.GET('/cases/{caseId}/files/{fileId}/name', { params: { path: { caseId, fileId } } })) });
  if (reveal.error) return <ErrorAlert error={reveal.error} />;
  if (reveal.data) return <Text size="sm">{reveal.data.name ?? t('files.noName')}</Text>;
  return (
    <Button size="xs" variant="default" onClick={() => reveal.mutate()} loading={reveal.isPending} title={t('files.revealAudited')}>
      {t('files.revealName')}
    </Button>
  );
}
