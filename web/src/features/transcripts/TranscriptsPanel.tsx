import { Alert, Button, Group, Loader, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCase } from '../cases/queries';
import { RedactionSection } from './RedactionSection';
import { TranscriptColumn } from './TranscriptColumn';
import { useTranscripts } from './queries';
import { useScrollSync } from './useScrollSync';

const LANGUAGES = ['ko', 'en', 'zh', 'ja', 'ru', 'fr', 'de', 'es'];

/**
 * The transcripts of a testimony: the original and each translation side by side, one column per
 * language. Raw text is requested only for members with identity clearance; the others get a note
 * and the de-identified text of the testimony's redactions.
 */
export function TestimonyTranscriptsSlot({ caseId, testimonyId }: { caseId: string; testimonyId: string }) {
  const { t } = useTranslation();
  const kase = useCase(caseId);
  if (kase.error) return <ErrorAlert error={kase.error} />;
  if (!kase.data) return <Loader aria-label={t('common.loading')} />;
  const canRecord = kase.data.myRole === 'lead' || kase.data.myRole === 'investigator';
  return (
    <Stack gap="lg">
      {kase.data.myIdentityClearance ? (
        <ClearedTranscripts caseId={caseId} testimonyId={testimonyId} />
      ) : (
        <Alert variant="light" color="gray" title={t('transcripts.notCleared.title')}>
          {t('transcripts.notCleared.body')}
        </Alert>
      )}
      <RedactionSection caseId={caseId} testimonyId={testimonyId} canStart={canRecord} />
    </Stack>
  );
}

function ClearedTranscripts({ caseId, testimonyId }: { caseId: string; testimonyId: string }) {
  const { t, i18n } = useTranslation();
  const transcripts = useTranscripts(caseId, testimonyId);
  const [added, setAdded] = useState<string[]>([]);
  const [newLanguage, setNewLanguage] = useState<string | null>(null);
  const [originalLanguage, setOriginalLanguage] = useState<string | null>('ko');
  const [dirty, setDirty] = useState<Record<string, boolean>>({});
  const anyDirty = Object.values(dirty).some(Boolean);
  const sync = useScrollSync();
  const names = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'language' }), [i18n.language]);
  const languageName = (code: string) => names.of(code) ?? code;

  useBlocker({ shouldBlockFn: () => !window.confirm(t('transcripts.leaveUnsaved')), enableBeforeUnload: anyDirty, disabled: !anyDirty });
  const dirtySetters = useMemo(() => new Map<string, (d: boolean) => void>(), []);
  const onDirty = useCallback(
    (key: string) => {
      let setter = dirtySetters.get(key);
      if (!setter) {
        setter = (d: boolean) => setDirty((prev) => (prev[key] === d ? prev : { ...prev, [key]: d }));
        dirtySetters.set(key, setter);
      }
      return setter;
    },
    [dirtySetters],
  );

  if (transcripts.error) return <ErrorAlert error={transcripts.error} />;
  if (!transcripts.data) return <Loader aria-label={t('common.loading')} />;
  const original = transcripts.data.find((x) => x.kind === 'original');
  const translations = transcripts.data.filter((x) => x.kind === 'translation');
  const translationLanguages = [...translations.map((x) => x.language), ...added.filter((l) => !translations.some((x) => x.language === l))];
  const used = new Set([original?.language ?? originalLanguage, ...translationLanguages]);
  const available = LANGUAGES.filter((l) => !used.has(l)).map((l) => ({ value: l, label: languageName(l) }));
  const origLang = original?.language ?? originalLanguage ?? 'ko';
  const columns = 1 + translationLanguages.length;

  return (
    <Stack gap="sm" component="section" aria-labelledby="transcripts-title">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="transcripts-title">
          {t('transcripts.title')}
        </Title>
        <Group align="flex-end" gap="xs">
          {!original && (
            <Select
              label={t('transcripts.originalLanguage')}
              data={LANGUAGES.map((l) => ({ value: l, label: languageName(l) }))}
              value={originalLanguage}
              onChange={setOriginalLanguage}
              allowDeselect={false}
              w={160}
            />
          )}
          <Select label={t('transcripts.addTranslationLanguage')} data={available} value={newLanguage} onChange={setNewLanguage} w={180} />
          <Button
            variant="light"
            disabled={!newLanguage}
            onClick={() => {
              if (newLanguage) setAdded((prev) => [...prev, newLanguage]);
              setNewLanguage(null);
            }}
          >
            {t('transcripts.addTranslation')}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: Math.min(columns, 3) }} spacing="lg">
        <TranscriptColumn
          caseId={caseId}
          testimonyId={testimonyId}
          kind="original"
          language={origLang}
          languageName={languageName(origLang)}
          transcript={original}
          onDirtyChange={onDirty('original')}
          textareaRef={sync.register('original')}
          onScroll={sync.onScroll}
        />
        {translationLanguages.map((lang) => (
          <TranscriptColumn
            key={lang}
            caseId={caseId}
            testimonyId={testimonyId}
            kind="translation"
            language={lang}
            languageName={languageName(lang)}
            transcript={translations.find((x) => x.language === lang)}
            original={original}
            onDirtyChange={onDirty(lang)}
            textareaRef={sync.register(lang)}
            onScroll={sync.onScroll}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
