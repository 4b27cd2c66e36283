import { Anchor, Button, Card, Group, Loader, Stack, Stepper, Text, Title } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PseudonymBadge } from '../../components/PseudonymBadge';
import { useMe } from '../auth/session';
import { useCase } from '../cases/queries';
import { TestimonyDisclosures } from '../disclosures/DisclosureRegister';
import { TestimonyFilesSlot } from '../files/FilesPanel';
import { TestimonyTranscriptsSlot } from '../transcripts/TranscriptsPanel';
import { ConsentPanel } from './ConsentPanel';
import { MetadataPanel } from './MetadataPanel';
import { TESTIMONY_STATUSES, useCaseMembers, useChangeStatus, useSensitive, useTestimony, useTranscriptCount, type Testimony } from './queries';
import { SensitivePanel } from './SensitivePanel';
import { statusActions, type CaseRole } from './status-workflow';
import { StatusBadge } from './StatusBadge';

const route = getRouteApi('/cases/$caseId/testimonies/$testimonyId');

/** One testimony: status workflow, metadata, sensitive details (cleared only), consent, transcripts, files. */
export function TestimonyPage() {
  const { t } = useTranslation();
  const { caseId, testimonyId } = route.useParams();
  const kase = useCase(caseId);
  const testimony = useTestimony(caseId, testimonyId);
  const members = useCaseMembers(caseId);
  const me = useMe();
  const cleared = kase.data?.myIdentityClearance === true;
  // Sensitive details are fetched only by a cleared member, and only after pressing "reveal".
  const [revealed, setRevealed] = useState(false);
  const sensitive = useSensitive(caseId, testimonyId, cleared && revealed);

  if (kase.isPending || testimony.isPending || members.isPending || me.isPending) return <Loader aria-label={t('common.loading')} />;
  const error = kase.error ?? testimony.error ?? members.error ?? me.error;
  if (error) return <ErrorAlert error={error} />;
  const t0 = testimony.data;
  if (!kase.data || !t0 || !members.data) return <Loader aria-label={t('common.loading')} />;
  const role = kase.data.myRole;
  return (
    <Stack mt="md" gap="lg">
      <Group justify="space-between" align="center">
        <Group gap="sm">
          <Title order={2}>{t('testimonies.page.title')}</Title>
          <Anchor
            renderRoot={(props) => <Link {...props} to="/cases/$caseId/people/$personId" params={{ caseId, personId: t0.interviewee.id }} />}
            aria-label={t('people.openPerson', { code: t0.interviewee.code })}
          >
            <PseudonymBadge code={t0.interviewee.code} />
          </Anchor>
          <StatusBadge status={t0.status} />
        </Group>
        <Group gap="md">
          <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/testimonies/$testimonyId/transcripts" params={{ caseId, testimonyId }} />}>{t('testimonies.page.openTranscripts')}</Anchor>
          <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/testimonies/$testimonyId/reader" params={{ caseId, testimonyId }} />}>{t('reader.open')}</Anchor>
          <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId/testimonies" params={{ caseId }} />}>{t('testimonies.page.backToList')}</Anchor>
        </Group>
      </Group>
      <StatusWorkflow caseId={caseId} testimony={t0} role={role} />
      <MetadataPanel caseId={caseId} testimony={t0} members={members.data} canEdit={role === 'lead' || role === 'investigator'} />
      {cleared && <SensitivePanel caseId={caseId} testimony={t0} revealed={revealed} onReveal={() => setRevealed(true)} sensitive={sensitive} canEdit={role === 'lead' || role === 'investigator'} />}
      <ConsentPanel
        caseId={caseId}
        testimonyId={testimonyId}
        members={members.data}
        meId={me.data?.id ?? ''}
        canRecord={role === 'lead' || role === 'investigator'}
        cleared={cleared}
        withdrawalReasons={revealed ? sensitive.data?.consentWithdrawalReasons : undefined}
        onReveal={() => setRevealed(true)}
      />
      {/* Transcripts and files panels are built in their own feature folders. */}
      <TestimonyTranscriptsSlot caseId={caseId} testimonyId={testimonyId} />
      <TestimonyFilesSlot caseId={caseId} testimonyId={testimonyId} />
      {role === 'lead' && <TestimonyDisclosures caseId={caseId} testimonyId={testimonyId} />}
    </Stack>
  );
}

function StatusWorkflow({ caseId, testimony, role }: { caseId: string; testimony: Testimony; role: CaseRole }) {
  const { t } = useTranslation();
  const transcripts = useTranscriptCount(caseId, testimony.id);
  const change = useChangeStatus(caseId, testimony.id);
  const actions = statusActions(testimony.status, role, transcripts.data ?? 0);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="workflow-title">
      <Title order={3} size="h4" id="workflow-title" mb="sm">
        {t('testimonies.workflow.title')}
      </Title>
      <Stepper active={TESTIMONY_STATUSES.indexOf(testimony.status)} size="xs" mb="md" allowNextStepsSelect={false}>
        {TESTIMONY_STATUSES.map((s) => (
          <Stepper.Step key={s} label={t(`testimonies.statuses.${s}`)} description={t(`testimonies.workflow.means.${s}`)} />
        ))}
      </Stepper>
      <Group align="flex-start" gap="xl">
        {actions.map((a) => {
          const reasonId = `status-${a.to}-reason`;
          return (
            <Stack key={a.to} gap={4} maw={360}>
              <Button
                variant={a.direction === 'advance' ? 'filled' : 'default'}
                disabled={a.blockedBy !== null || transcripts.isPending}
                loading={change.isPending && change.variables?.status === a.to}
                aria-describedby={reasonId}
                onClick={() => change.mutate({ version: testimony.version, status: a.to })}
              >
                {t(`testimonies.workflow.${a.direction}`, { status: t(`testimonies.statuses.${a.to}`) })}
              </Button>
              <Text size="sm" id={reasonId} c={a.blockedBy ? undefined : 'dimmed'}>
                {a.blockedBy ? t(a.blockedBy) : t(`testimonies.workflow.needs.${a.direction}.${a.to}`)}
              </Text>
            </Stack>
          );
        })}
      </Group>
      {change.error && (
        <Stack mt="sm">
          <ErrorAlert error={change.error} />
        </Stack>
      )}
    </Card>
  );
}
