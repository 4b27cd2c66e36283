import { Badge, Button, Checkbox, Group, Loader, Modal, Paper, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMe } from '../auth/session';
import { QuerySection } from './CaseBits';
import { MembershipHistory } from './MembershipHistory';
import { CASE_ROLES, useCase, useMemberCandidates, useMembers, usePutMember, useRemoveMember, type CaseMember, type CaseRole, type MemberCandidate } from './queries';

const route = getRouteApi('/cases/$caseId/members');

/** Members of a case: everyone sees the list; leads (and admins) add, change and remove, and see the history. */
export function MembersTab() {
  const { t } = useTranslation();
  const { caseId } = route.useParams();
  const me = useMe().data;
  const kase = useCase(caseId);
  const members = useMembers(caseId);
  // Membership stays manageable in an archived case (the API allows it: it is not case content).
  const manage = kase.data?.myRole === 'lead' || me?.role === 'admin';

  return (
    <Stack mt="md" gap="xl">
      {manage && <AddMember caseId={caseId} />}
      <QuerySection id="members-list" title={t('members.listTitle')} query={members}>
        {members.data && <MemberTable caseId={caseId} members={members.data} manage={manage} myId={me?.id} />}
      </QuerySection>
      {manage && <MembershipHistory caseId={caseId} />}
    </Stack>
  );
}

function MemberTable({ caseId, members, manage, myId }: { caseId: string; members: CaseMember[]; manage: boolean; myId?: string }) {
  const { t, i18n } = useTranslation();
  const put = usePutMember(caseId);
  const remove = useRemoveMember(caseId);
  const [granting, setGranting] = useState<CaseMember | null>(null);
  const [removing, setRemoving] = useState<CaseMember | null>(null);
  const collator = new Intl.Collator(i18n.language);
  const sorted = [...members].sort((a, b) => CASE_ROLES.indexOf(a.role) - CASE_ROLES.indexOf(b.role) || collator.compare(a.displayName, b.displayName));
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const change = (m: CaseMember, role: CaseRole, identityClearance: boolean) => {
    remove.reset();
    put.mutate({ userId: m.userId, role, identityClearance });
  };

  return (
    <>
      {put.error && <ErrorAlert error={put.error} />}
      {remove.error && <ErrorAlert error={remove.error} />}
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label={t('members.listTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.name')}</Table.Th>
              <Table.Th>{t('members.role')}</Table.Th>
              <Table.Th>{t('members.clearance')}</Table.Th>
              <Table.Th>{t('members.addedAt')}</Table.Th>
              {manage && <Table.Th>{t('members.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((m) => (
              <Table.Tr key={m.userId}>
                <Table.Td>
                  {m.displayName}
                  {m.userId === myId && (
                    <Text span size="sm" c="dimmed" ml={6}>
                      {t('members.you')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {manage ? (
                    <Select
                      aria-label={t('members.roleOf', { name: m.displayName })}
                      value={m.role}
                      allowDeselect={false}
                      data={CASE_ROLES.map((r) => ({ value: r, label: t(`caseRoles.${r}`) }))}
                      onChange={(v) => v && v !== m.role && change(m, v as CaseRole, m.identityClearance)}
                      w={180}
                    />
                  ) : (
                    t(`caseRoles.${m.role}`)
                  )}
                </Table.Td>
                <Table.Td>
                  {manage ? (
                    <Switch
                      label={m.identityClearance ? t('members.cleared') : t('members.notCleared')}
                      aria-label={t('members.clearanceOf', { name: m.displayName })}
                      checked={m.identityClearance}
                      onChange={(e) => (e.currentTarget.checked ? setGranting(m) : change(m, m.role, false))}
                    />
                  ) : m.identityClearance ? (
                    <Badge variant="outline" color="grape">
                      {t('members.cleared')}
                    </Badge>
                  ) : (
                    <Text span size="sm">
                      {t('members.notCleared')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{dateFormat.format(new Date(m.addedAt))}</Table.Td>
                {manage && (
                  <Table.Td>
                    <Button variant="subtle" color="red" size="xs" onClick={() => setRemoving(m)} aria-label={t('members.removeOf', { name: m.displayName })}>
                      {t('members.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <GrantClearanceModal
        name={granting?.displayName ?? ''}
        opened={granting !== null}
        onCancel={() => setGranting(null)}
        onConfirm={() => {
          if (granting) change(granting, granting.role, true);
          setGranting(null);
        }}
      />
      <Modal closeButtonProps={{ 'aria-label': t('cases.close') }} opened={removing !== null} onClose={() => setRemoving(null)} title={t('members.removeTitle', { name: removing?.displayName ?? '' })}>
        <Stack>
          <Text>{t('members.removeExplain')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('cases.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                put.reset();
                if (removing) remove.mutate(removing.userId);
                setRemoving(null);
              }}
            >
              {t('members.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Granting identity clearance is never one click: it says what it allows and that it is recorded. */
export function GrantClearanceModal({ name, opened, onConfirm, onCancel }: { name: string; opened: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal closeButtonProps={{ 'aria-label': t('cases.close') }} opened={opened} onClose={onCancel} title={t('members.grant.title', { name })}>
      <Stack>
        <Text>{t('members.grant.explain', { name })}</Text>
        <Text fw={600}>{t('members.grant.recorded')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('cases.cancel')}
          </Button>
          <Button color="grape" onClick={onConfirm}>
            {t('members.grant.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const candidateLabel = (c: MemberCandidate) => `${c.displayName} · ${c.email}`;

/** Find a person by name or e-mail (debounced search), choose role and clearance, add. */
function AddMember({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<MemberCandidate | null>(null);
  const [role, setRole] = useState<CaseRole>('investigator');
  const [clearance, setClearance] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const candidates = useMemberCandidates(caseId, q);
  const put = usePutMember(caseId);
  const found = candidates.data ?? [];
  const options = [...(picked && !found.some((c) => c.id === picked.id) ? [picked] : []), ...found];
  const searching = q.length >= 2 && candidates.isFetching;

  const add = () => {
    if (!picked) return;
    put.mutate(
      { userId: picked.id, role, identityClearance: clearance },
      {
        onSuccess: () => {
          setPicked(null);
          setSearch('');
          setClearance(false);
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="members-add">
      <Title order={2} size="h3" id="members-add" mb="sm">
        {t('members.add.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!picked) return;
          if (clearance) setConfirming(true);
          else add();
        }}
      >
        <Group align="end" wrap="wrap">
          <Select
            label={t('members.add.person')}
            description={t('members.add.personHelp')}
            placeholder={t('members.add.personPlaceholder')}
            searchable
            clearable
            w={360}
            searchValue={search}
            onSearchChange={setSearch}
            value={picked?.id ?? null}
            onChange={(id) => setPicked(options.find((c) => c.id === id) ?? null)}
            filter={({ options: all }) => all}
            data={options.map((c) => ({ value: c.id, label: candidateLabel(c), disabled: c.caseRole !== null }))}
            renderOption={({ option }) => {
              const c = options.find((x) => x.id === option.value);
              return (
                <Stack gap={0}>
                  <Text size="sm">{c?.displayName}</Text>
                  <Text size="xs" c="dimmed">
                    {c?.email} · {c && t(`roles.${c.role}`)}
                    {c?.caseRole && ` · ${t('members.add.already', { role: t(`caseRoles.${c.caseRole}`) })}`}
                  </Text>
                </Stack>
              );
            }}
            nothingFoundMessage={q.length < 2 ? t('members.add.typeMore') : searching ? t('common.loading') : t('members.add.nobody')}
            rightSection={searching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
          />
          <Select
            label={t('members.role')}
            value={role}
            allowDeselect={false}
            data={CASE_ROLES.map((r) => ({ value: r, label: t(`caseRoles.${r}`) }))}
            onChange={(v) => v && setRole(v as CaseRole)}
            w={180}
          />
          <Checkbox label={t('members.add.clearance')} checked={clearance} onChange={(e) => setClearance(e.currentTarget.checked)} mb={8} />
          <Button type="submit" disabled={!picked} loading={put.isPending}>
            {t('members.add.submit')}
          </Button>
        </Group>
        {put.error && (
          <Stack mt="sm">
            <ErrorAlert error={put.error} />
          </Stack>
        )}
      </form>
      <GrantClearanceModal
        name={picked?.displayName ?? ''}
        opened={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          add();
        }}
      />
    </Paper>
  );
}
