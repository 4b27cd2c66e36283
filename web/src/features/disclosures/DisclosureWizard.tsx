import { Alert, Button, Card, Code, CopyButton, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress } from '../../components/JobProgress';
import {
  DEATH_PENALTY,
  downloadUrl,
  PURPOSES,
  RECIPIENT_KINDS,
  useExport,
  useInvalidateDisclosures,
  usePreview,
  useProfiles,
  usePublishedFrameworks,
  useRequestExport,
  useSigningKey,
  type DeathPenalty,
  type ExportPreview,
  type ExportRequest,
  type PreviewEntry,
  type Purpose,
  type RecipientKind,
} from './queries';
import { verifyInstructions } from './verify';

type Step = 'form' | 'preview' | 'export';

// Hashes and commands wrap instead of scrolling sideways; the blocks are focusable for keyboard reading.
const WRAP = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

interface FormState {
  kind: RecipientKind | null;
  name: string;
  deathPenalty: DeathPenalty | null;
  purpose: Purpose | null;
  profile: string | null;
  frameworkVersionId: string | null;
}

const EMPTY: FormState = { kind: null, name: '', deathPenalty: null, purpose: null, profile: null, frameworkVersionId: null };

/**
 * Prepare a disclosure: recipient, purpose, profile, framework → the preview (what goes, what is
 * left out and why) → confirm → the build's progress → the download with its hash, the key
 * fingerprint and how the recipient verifies it.
 */
export function DisclosureWizard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('form');
  const [form, setForm] = useState<FormState>(EMPTY);
  const [missing, setMissing] = useState<Array<keyof FormState>>([]);
  const [body, setBody] = useState<ExportRequest | null>(null);
  const preview = usePreview();
  const request = useRequestExport();

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fieldError = (key: keyof FormState) => (missing.includes(key) ? t('disclosures.wizard.required') : undefined);

  const onPreview = () => {
    const required: Array<keyof FormState> = ['kind', 'name', 'deathPenalty', 'purpose', 'profile'];
    const absent = required.filter((k) => !form[k] || (k === 'name' && form.name.trim() === ''));
    setMissing(absent);
    if (absent.length > 0) return;
    const next: ExportRequest = {
      recipient: { kind: form.kind!, name: form.name.trim(), deathPenaltyJurisdiction: form.deathPenalty! },
      purpose: form.purpose!,
      profile: form.profile!,
      ...(form.frameworkVersionId ? { frameworkVersionId: form.frameworkVersionId } : {}),
    };
    setBody(next);
    preview.mutate({ caseId, body: next }, { onSuccess: () => setStep('preview') });
  };

  const onConfirm = () => {
    if (!body) return;
    request.mutate({ caseId, body }, { onSuccess: () => setStep('export') });
  };

  const restart = () => {
    setStep('form');
    setForm(EMPTY);
    setBody(null);
    preview.reset();
    request.reset();
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="disclosure-wizard-title">
      <Title order={2} size="h3" id="disclosure-wizard-title" mb="xs">
        {t('disclosures.wizard.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t(`disclosures.wizard.steps.${step}`)}
      </Text>
      {step === 'form' && (
        <RecipientForm caseId={caseId} form={form} set={set} fieldError={fieldError} onPreview={onPreview} loading={preview.isPending} error={preview.error} />
      )}
      {step === 'preview' && preview.data && (
        <PreviewStep preview={preview.data} onBack={() => setStep('form')} onConfirm={onConfirm} loading={request.isPending} error={request.error} />
      )}
      {step === 'export' && request.data && <ExportStep caseId={caseId} exportId={request.data.id} jobId={request.data.jobId ?? null} onRestart={restart} />}
    </Card>
  );
}

function RecipientForm({
  caseId,
  form,
  set,
  fieldError,
  onPreview,
  loading,
  error,
}: {
  caseId: string;
  form: FormState;
  set: <K extends keyof FormState>(key: K, value: FormState[K]) => void;
  fieldError: (key: keyof FormState) => string | undefined;
  onPreview: () => void;
  loading: boolean;
  error: unknown;
}) {
  const { t, i18n } = useTranslation();
  const profiles = useProfiles(caseId);
  const frameworks = usePublishedFrameworks();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onPreview();
      }}
      noValidate
    >
      <Stack gap="sm" maw={560}>
        <Select
          label={t('disclosures.fields.recipientKind')}
          data={RECIPIENT_KINDS.map((k) => ({ value: k, label: t(`disclosures.kinds.${k}`) }))}
          value={form.kind}
          onChange={(v) => set('kind', v as RecipientKind | null)}
          error={fieldError('kind')}
          required
          allowDeselect={false}
        />
        <TextInput label={t('disclosures.fields.recipientName')} value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={fieldError('name')} required maxLength={200} />
        <Select
          label={t('disclosures.fields.deathPenalty')}
          description={t('disclosures.fields.deathPenaltyHelp')}
          data={DEATH_PENALTY.map((d) => ({ value: d, label: t(`disclosures.deathPenalty.${d}`) }))}
          value={form.deathPenalty}
          onChange={(v) => set('deathPenalty', v as DeathPenalty | null)}
          error={fieldError('deathPenalty')}
          required
          allowDeselect={false}
        />
        <Select
          label={t('disclosures.fields.purpose')}
          data={PURPOSES.map((p) => ({ value: p, label: t(`disclosures.purposes.${p}`) }))}
          value={form.purpose}
          onChange={(v) => set('purpose', v as Purpose | null)}
          error={fieldError('purpose')}
          required
          allowDeselect={false}
        />
        <Select
          label={t('disclosures.fields.profile')}
          data={(profiles.data ?? []).map((p) => ({ value: p.name, label: t(`disclosures.profiles.${p.name}`, { defaultValue: p.name }) }))}
          value={form.profile}
          onChange={(v) => set('profile', v)}
          error={fieldError('profile') ?? (profiles.error ? t('errors.title') : undefined)}
          required
          allowDeselect={false}
        />
        <Select
          label={t('disclosures.fields.framework')}
          description={t('disclosures.fields.frameworkHelp')}
          data={(frameworks.data ?? []).map((f) => ({ value: f.id, label: `${i18n.language === 'ko' && f.titleKo ? f.titleKo.text : f.titleEn} (${f.version})` }))}
          value={form.frameworkVersionId}
          onChange={(v) => set('frameworkVersionId', v)}
          clearable
        />
        {error != null && <ErrorAlert error={error} />}
        <Group>
          <Button type="submit" loading={loading}>
            {t('disclosures.wizard.preview')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EntryTable({ id, title, entries, withReason }: { id: string; title: string; entries: PreviewEntry[]; withReason: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('disclosures.preview.none')}
        </Text>
      ) : (
        <Table striped withTableBorder aria-labelledby={id}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('disclosures.preview.kind')}</Table.Th>
              <Table.Th>{t('disclosures.preview.code')}</Table.Th>
              <Table.Th>{t('disclosures.preview.detail')}</Table.Th>
              {withReason && <Table.Th>{t('disclosures.preview.reason')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e, i) => (
              <Table.Tr key={`${e.kind}-${e.code}-${e.ref ?? ''}-${i}`}>
                <Table.Td>{t(`disclosures.entryKinds.${e.kind}`, { defaultValue: e.kind })}</Table.Td>
                <Table.Td>
                  <Text span ff="monospace" size="sm">
                    {e.code}
                  </Text>
                  {e.ref && (
                    <Text span c="dimmed" size="xs" ml={6} ff="monospace">
                      #{e.ref}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{e.detail ?? ''}</Table.Td>
                {withReason && <Table.Td>{e.reasonText ?? e.reason ?? ''}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

function PreviewStep({ preview, onBack, onConfirm, loading, error }: { preview: ExportPreview; onBack: () => void; onConfirm: () => void; loading: boolean; error: unknown }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      {!preview.ready && (
        <Alert color="red" variant="light" title={t('disclosures.preview.waitingTitle')} role="alert">
          <Text size="sm" mb="xs">
            {t('disclosures.preview.waitingText')}
          </Text>
          <ul>
            {preview.waiting.map((w, i) => (
              <li key={`${w.code}-${w.ref ?? ''}-${i}`}>
                <Text span ff="monospace" size="sm">
                  {w.code}
                </Text>{' '}
                {w.detail ?? ''} — {w.reasonText ?? w.reason ?? ''}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <EntryTable id="preview-included" title={t('disclosures.preview.included', { count: preview.included.length })} entries={preview.included} withReason />
      <EntryTable id="preview-left-out" title={t('disclosures.preview.leftOut', { count: preview.leftOut.length })} entries={preview.leftOut} withReason />
      {error != null && <ErrorAlert error={error} />}
      <Group>
        <Button variant="default" onClick={onBack}>
          {t('disclosures.wizard.back')}
        </Button>
        <Button onClick={onConfirm} loading={loading} disabled={!preview.ready} aria-describedby={preview.ready ? undefined : 'confirm-blocked'}>
          {t('disclosures.wizard.confirm')}
        </Button>
        {!preview.ready && (
          <Text size="sm" id="confirm-blocked">
            {t('disclosures.preview.blocked')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

function ExportStep({ caseId, exportId, jobId, onRestart }: { caseId: string; exportId: string; jobId: string | null; onRestart: () => void }) {
  const { t } = useTranslation();
  const [finished, setFinished] = useState(jobId === null);
  const invalidate = useInvalidateDisclosures(caseId);
  const exp = useExport(caseId, exportId, finished);
  const key = useSigningKey(exp.data?.status === 'ready');
  const onFinished = useCallback(() => {
    setFinished(true);
    void invalidate();
  }, [invalidate]);

  const ready = exp.data?.status === 'ready' ? exp.data : null;
  const fingerprint = ready?.keyFingerprint ?? key.data?.fingerprint ?? '';
  const verifyText = ready
    ? verifyInstructions(exportId, ready.packageSha256 ?? '', fingerprint, {
        intro: t('disclosures.verify.intro'),
        step1: t('disclosures.verify.step1'),
        step2: t('disclosures.verify.step2'),
        expect: t('disclosures.verify.expect'),
        hashLabel: t('disclosures.result.sha256'),
        keyLabel: t('disclosures.result.fingerprint'),
      })
    : '';
  return (
    <Stack gap="md">
      {jobId && <JobProgress jobId={jobId} onFinished={onFinished} />}
      {exp.error != null && <ErrorAlert error={exp.error} />}
      {exp.data?.status === 'failed' && (
        <Alert color="red" variant="light" title={t('disclosures.result.failed')}>
          {exp.data.error ?? ''}
        </Alert>
      )}
      {ready && (
        <Stack gap="sm" data-testid="export-ready">
          <Alert color="green" variant="light" title={t('disclosures.result.ready')}>
            {t('disclosures.result.registered')}
          </Alert>
          <div>
            <Text size="sm" fw={600} id="package-sha256-label">
              {t('disclosures.result.sha256')}
            </Text>
            <Code block style={WRAP} tabIndex={0} aria-labelledby="package-sha256-label" data-testid="package-sha256">
              {ready.packageSha256}
            </Code>
          </div>
          <div>
            <Text size="sm" fw={600} id="key-fingerprint-label">
              {t('disclosures.result.fingerprint')}
            </Text>
            <Code block style={WRAP} tabIndex={0} aria-labelledby="key-fingerprint-label" data-testid="key-fingerprint">
              {fingerprint}
            </Code>
          </div>
          <Group>
            <Button component="a" href={downloadUrl(caseId, exportId)} download>
              {t('disclosures.result.download')}
            </Button>
          </Group>
          <section aria-labelledby="verify-title">
            <Title order={3} size="h4" id="verify-title" mb="xs">
              {t('disclosures.verify.title')}
            </Title>
            <Code block style={WRAP} tabIndex={0} aria-labelledby="verify-title" data-testid="verify-text">
              {verifyText}
            </Code>
            <CopyButton value={verifyText}>
              {({ copied, copy }) => (
                <Button variant="light" mt="xs" onClick={copy}>
                  {copied ? t('disclosures.verify.copied') : t('disclosures.verify.copy')}
                </Button>
              )}
            </CopyButton>
          </section>
        </Stack>
      )}
      <Group>
        <Button variant="default" onClick={onRestart}>
          {t('disclosures.wizard.another')}
        </Button>
      </Group>
    </Stack>
  );
}
