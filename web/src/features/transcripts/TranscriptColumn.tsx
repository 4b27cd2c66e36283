import { Alert, Badge, Button, FileButton, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type UIEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextEncodingError } from './decodeText';
import { loadTextFile } from './loadTextFile';
import { MergeModal, type TheirVersion } from './MergeModal';
import { fetchVersionText, transcriptKeys, useSaveTranscript, useVersionText, type Transcript, type TranscriptVersion } from './queries';
import { VersionHistory } from './VersionHistory';

const FILE_TYPES = '.txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ColumnProps {
  caseId: string;
  testimonyId: string;
  kind: 'original' | 'translation';
  language: string;
  languageName: string;
  /** Absent until the first version is saved. */
  transcript?: Transcript;
  /** For a translation: the original, whose current version it will name. */
  original?: Transcript;
  onDirtyChange: (dirty: boolean) => void;
  textareaRef?: (el: HTMLTextAreaElement | null) => void;
  onScroll?: UIEventHandler<HTMLTextAreaElement>;
}

/**
 * One language of a testimony's transcripts: an editor typed into, pasted into or filled from a
 * .txt/.docx file, saved as a new version on top of the version it was based on; a 409 (someone
 * saved in between) opens the merge view. Below it: the versions and a diff between any two.
 */
export function TranscriptColumn({ caseId, testimonyId, kind, language, languageName, transcript, original, onDirtyChange, textareaRef, onScroll }: ColumnProps) {
  const { t } = useTranslation();
  const latest = transcript?.latestVersion;
  const serverText = useVersionText(caseId, testimonyId, transcript?.id, latest);
  const [draft, setDraft] = useState<string | null>(null);
  const [base, setBase] = useState<number | undefined>(undefined);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [loadingFile, setLoadingFile] = useState(false);
  const [theirs, setTheirs] = useState<TheirVersion | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const save = useSaveTranscript(caseId, testimonyId);
  const queryClient = useQueryClient();
  const shown = draft ?? serverText.data?.text ?? '';
  const dirty = draft !== null && draft !== (serverText.data?.text ?? '');
  const originalLatest: TranscriptVersion | undefined = original?.versions[original.versions.length - 1];
  const needsOriginal = kind === 'translation' && !originalLatest;

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const edit = (text: string) => {
    if (draft === null) setBase(latest);
    setDraft(text);
    setSavedVersion(null);
  };

  const chooseFile = async (file: File | null) => {
    if (!file) return;
    setFileProblem(null);
    setLoadingFile(true);
    try {
      edit(await loadTextFile(file));
    } catch (error) {
      setFileProblem(error instanceof TextEncodingError ? t('transcripts.file.encoding') : t('transcripts.file.unsupported'));
    } finally {
      setLoadingFile(false);
    }
  };

  const doSave = async (text: string, basedOnVersion: number | undefined) => {
    try {
      const saved = await save.mutateAsync({
        transcriptId: transcript?.id,
        kind,
        language,
        text,
        basedOnVersion,
        translatesVersionId: kind === 'translation' ? originalLatest?.id : undefined,
      });
      setDraft(null);
      setBase(undefined);
      setTheirs(null);
      setSavedVersion(saved.latestVersion);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT' && transcript) {
        const current = (error.details as { currentVersion?: number } | undefined)?.currentVersion ?? (transcript.latestVersion + 1);
        const their = await fetchVersionText(caseId, testimonyId, transcript.id, current);
        await queryClient.invalidateQueries({ queryKey: transcriptKeys.list(caseId, testimonyId) });
        const author = (queryClient.getQueryData<Transcript[]>(transcriptKeys.list(caseId, testimonyId)) ?? []).flatMap((x) => x.versions).find((v) => v.id === their.id)?.author ?? null;
        setTheirs({ version: their.version, text: their.text, author, createdAt: their.createdAt });
      }
    }
  };

  const titleId = `transcript-${kind}-${language}`;
  return (
    <Stack gap="xs" aria-labelledby={titleId} component="section">
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h4" id={titleId}>
          {kind === 'original' ? t('transcripts.originalIn', { language: languageName }) : t('transcripts.translationIn', { language: languageName })}
        </Title>
        {latest ? <Badge variant="outline">{t('transcripts.versionN', { version: latest })}</Badge> : <Badge variant="outline" color="dark">{t('transcripts.notSaved')}</Badge>}
      </Group>
      {kind === 'translation' && originalLatest && (
        <Text size="xs" c="dimmed">
          {t('transcripts.willTranslate', { version: originalLatest.version })}
        </Text>
      )}
      {needsOriginal && (
        <Alert variant="light" color="yellow">
          {t('transcripts.originalFirst')}
        </Alert>
      )}
      {serverText.error ? (
        <ErrorAlert error={serverText.error} />
      ) : transcript && serverText.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : (
        <Textarea
          ref={textareaRef}
          onScroll={onScroll}
          label={t('transcripts.textOf', { language: languageName })}
          value={shown}
          onChange={(e) => edit(e.currentTarget.value)}
          autosize={false}
          rows={14}
          styles={{ input: { fontFamily: 'inherit', lineHeight: 1.6 } }}
          lang={language}
        />
      )}
      {fileProblem && (
        <Alert color="red" variant="light" role="alert">
          {fileProblem}
        </Alert>
      )}
      {save.error && !(save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT') && <ErrorAlert error={save.error} />}
      <Group gap="xs">
        <FileButton onChange={(f) => void chooseFile(f)} accept={FILE_TYPES}>
          {(props) => (
            <Button {...props} variant="default" loading={loadingFile}>
              {t('transcripts.loadFile', { language: languageName })}
            </Button>
          )}
        </FileButton>
        <Button onClick={() => void doSave(shown, base ?? latest)} disabled={!dirty || !shown.trim() || needsOriginal} loading={save.isPending && !theirs}>
          {t('transcripts.save', { language: languageName })}
        </Button>
        {/* Said in words, in a live region: saved, or not yet. */}
        <Text size="sm" c="dimmed" role="status">
          {dirty ? t('transcripts.unsaved') : savedVersion ? t('transcripts.saved', { language: languageName, version: savedVersion }) : ''}
        </Text>
      </Group>
      {transcript && <VersionHistory caseId={caseId} testimonyId={testimonyId} transcript={transcript} original={original} languageName={languageName} />}
      {theirs && (
        <MergeModal
          theirs={theirs}
          mine={shown}
          saving={save.isPending}
          onClose={() => setTheirs(null)}
          onTakeTheirs={() => {
            setDraft(null);
            setBase(undefined);
            setTheirs(null);
          }}
          onSave={(text) => void doSave(text, theirs.version)}
        />
      )}
    </Stack>
  );
}
