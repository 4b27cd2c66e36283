import { Alert, Button, Card, Group, List, Loader, Modal, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ConsentForm, consentFrom, consentInput, emptyConsent, type ConsentDraft } from './ConsentForm';
import { consentChanges, formatDateTime, localDateTimeNow } from './format';
import { CONSENT_PURPOSES, useConsents, useRecordConsent, useWithdrawConsent, type CaseMember, type ConsentVersion } from './queries';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

interface Props {
  caseId: string;
  testimonyId: string;
  members: CaseMember[];
  meId: string;
  canRecord: boolean;
  cleared: boolean;
  /** Present only once a cleared member has revealed the sensitive details. */
  withdrawalReasons?: Array<{ version: number; reason: string }>;
  onReveal: () => void;
}

/** The consent in force, its versions (who, when, what changed) and withdrawal. */
export function ConsentPanel({ caseId, testimonyId, members, meId, canRecord, cleared, withdrawalReasons, onReveal }: Props) {
  const { t, i18n } = useTranslation();
  const consents = useConsents(caseId, testimonyId);
  const [recording, setRecording] = useState<ConsentDraft | null>(null);
  const [withdrawing, setWithdrawing] = useState<{ at: string; reason: string } | null>(null);
  const record = useRecordConsent(caseId, testimonyId);
  const withdraw = useWithdrawConsent(caseId, testimonyId);
  const memberName = (id: string) => members.find((m) => m.userId === id)?.displayName ?? t('testimonies.formerMember');
  const me = members.some((m) => m.userId === meId) ? meId : '';

  if (consents.isPending) return <Loader aria-label={t('common.loading')} />;
  if (consents.error) return <ErrorAlert error={consents.error} />;
  const versions: ConsentVersion[] = consents.data;
  const latest = versions.at(-1);
  const withdrawn = Boolean(latest?.withdrawnAt);

  const submitRecord = async () => {
    if (!recording) return;
    await record.mutateAsync(consentInput(recording));
    setRecording(null);
  };
  const submitWithdraw = async () => {
    if (!withdrawing) return;
    await withdraw.mutateAsync({ withdrawnAt: new Date(withdrawing.at).toISOString(), reason: withdrawing.reason });
    setWithdrawing(null);
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="consent-title">
      <UnsavedChangesGuard dirty={recording !== null || (withdrawing !== null && withdrawing.reason !== '')} />
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="consent-title">
          {t('testimonies.consent.title')}
        </Title>
        {canRecord && (
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={() => setRecording(latest ? consentFrom(latest, me) : emptyConsent(me))}>
              {latest ? t('testimonies.consent.newVersion') : t('testimonies.consent.record')}
            </Button>
            {latest && !withdrawn && (
              <Button variant="outline" color="red" size="xs" onClick={() => setWithdrawing({ at: localDateTimeNow(), reason: '' })}>
                {t('testimonies.consent.withdraw')}
              </Button>
            )}
          </Group>
        )}
      </Group>

      {!latest ? (
        <Alert color="yellow">{t('testimonies.consent.none')}</Alert>
      ) : (
        <Stack gap="sm">
          {withdrawn && latest.withdrawnAt && (
            <Alert color="red" variant="light" title={t('testimonies.consent.withdrawnTitle')}>
              {t('testimonies.consent.withdrawnOn', { date: formatDateTime(latest.withdrawnAt, i18n.language) })}
            </Alert>
          )}
          <Text size="sm">{t(withdrawn ? 'testimonies.consent.latest' : 'testimonies.consent.inForce', { version: latest.version })}</Text>
          <List size="sm" spacing={4}>
            {CONSENT_PURPOSES.map((p) => (
              <List.Item key={p}>
                {t(`testimonies.consent.purposes.${p}`)}: <strong>{latest.purposes.includes(p) && !withdrawn ? t('testimonies.consent.granted') : t('testimonies.consent.refused')}</strong>
              </List.Item>
            ))}
            <List.Item>{latest.anonymityRequired ? t('testimonies.consent.summary.anonymous') : t('testimonies.consent.summary.notAnonymous')}</List.Item>
            <List.Item>{latest.identityDisclosureAllowed ? t('testimonies.consent.summary.identityAllowed') : t('testimonies.consent.summary.identityRefused')}</List.Item>
            <List.Item>{latest.noDeathPenaltyProceedings ? t('testimonies.consent.summary.noDeathPenalty') : t('testimonies.consent.summary.deathPenaltyNotExcluded')}</List.Item>
            <List.Item>{latest.recontactAllowed ? t('testimonies.consent.summary.recontact') : t('testimonies.consent.summary.noRecontact')}</List.Item>
          </List>

          <Title order={4} size="h5" mt="sm">
            {t('testimonies.consent.versions')}
          </Title>
          <Table striped aria-label={t('testimonies.consent.versions')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('testimonies.consent.version')}</Table.Th>
                <Table.Th>{t('testimonies.consent.taken')}</Table.Th>
                <Table.Th>{t('testimonies.consent.recorded')}</Table.Th>
                <Table.Th>{t('testimonies.consent.changed')}</Table.Th>
                {cleared && <Table.Th>{t('testimonies.consent.withdrawalReason')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((v, i) => {
                const changes = consentChanges(versions[i - 1], v);
                const reason = withdrawalReasons?.find((r) => r.version === v.version)?.reason;
                return (
                  <Table.Tr key={v.version}>
                    <Table.Td>{v.version}</Table.Td>
                    <Table.Td>
                      {memberName(v.takenBy)} · {formatDateTime(v.takenAt, i18n.language)} · {t(`testimonies.consent.methods.${v.method}`)}
                    </Table.Td>
                    <Table.Td>
                      {memberName(v.recordedBy)} · {formatDateTime(v.recordedAt, i18n.language)}
                    </Table.Td>
                    <Table.Td>
                      {i === 0
                        ? t('testimonies.consent.firstVersion')
                        : v.withdrawnAt && !versions[i - 1]?.withdrawnAt
                          ? t('testimonies.consent.withdrawnOn', { date: formatDateTime(v.withdrawnAt, i18n.language) })
                          : changes.map((c) => t(`testimonies.consent.fields.${c}`)).join(', ') || t('testimonies.consent.noChange')}
                    </Table.Td>
                    {cleared && (
                      <Table.Td>
                        {!v.withdrawnAt || (i > 0 && versions[i - 1]?.withdrawnAt) ? (
                          '—'
                        ) : reason !== undefined ? (
                          reason
                        ) : withdrawalReasons ? (
                          '—'
                        ) : (
                          <Button variant="subtle" size="compact-xs" onClick={onReveal}>
                            {t('testimonies.consent.revealReason')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {cleared && !withdrawalReasons && versions.some((v) => v.withdrawnAt) && (
            <Text size="xs" c="dimmed">
              {t('testimonies.sensitive.audited')}
            </Text>
          )}
        </Stack>
      )}

      <Modal opened={recording !== null} onClose={() => setRecording(null)} title={latest ? t('testimonies.consent.newVersion') : t('testimonies.consent.record')} size="xl">
        {recording && (
          <Stack>
            {latest && <Text size="sm">{t('testimonies.consent.newVersionHelp')}</Text>}
            <ConsentForm value={recording} onChange={setRecording} members={members} />
            {record.error && <ErrorAlert error={record.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRecording(null)}>
                {t('testimonies.page.cancel')}
              </Button>
              <Button onClick={() => void submitRecord().catch(() => undefined)} loading={record.isPending}>
                {t('testimonies.consent.saveVersion')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal opened={withdrawing !== null} onClose={() => setWithdrawing(null)} title={t('testimonies.consent.withdraw')}>
        {withdrawing && (
          <Stack>
            <Text size="sm">{t('testimonies.consent.withdrawHelp')}</Text>
            <TextInput type="datetime-local" label={t('testimonies.consent.withdrawnAt')} value={withdrawing.at} onChange={(e) => setWithdrawing({ ...withdrawing, at: e.currentTarget.value })} required />
            <Textarea
              label={t('testimonies.consent.reason')}
              description={t('testimonies.consent.reasonHelp')}
              value={withdrawing.reason}
              onChange={(e) => setWithdrawing({ ...withdrawing, reason: e.currentTarget.value })}
              autosize
              minRows={3}
              required
            />
            {withdraw.error && <ErrorAlert error={withdraw.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setWithdrawing(null)}>
                {t('testimonies.page.cancel')}
              </Button>
              <Button color="red" disabled={!withdrawing.reason.trim() || !withdrawing.at} onClick={() => void submitWithdraw().catch(() => undefined)} loading={withdraw.isPending}>
                {t('testimonies.consent.confirmWithdraw')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
