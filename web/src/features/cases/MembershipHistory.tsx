import { Badge, Pagination, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QuerySection } from './CaseBits';
import { useMembershipHistory, type MembershipEvent } from './queries';

const PAGE_SIZE = 20;

/** Who was added, changed or removed, by whom and when (leads and admins; GET …/members/history). */
export function MembershipHistory({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const history = useMembershipHistory(caseId, (page - 1) * PAGE_SIZE, PAGE_SIZE, true);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const pages = history.data ? Math.max(1, Math.ceil(history.data.total / PAGE_SIZE)) : 1;
  return (
    <QuerySection id="members-history" title={t('members.history.title')} query={history}>
      {history.data && history.data.items.length === 0 && <Text>{t('members.history.empty')}</Text>}
      {history.data && history.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={t('members.history.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.history.when')}</Table.Th>
                <Table.Th>{t('members.history.member')}</Table.Th>
                <Table.Th>{t('members.history.change')}</Table.Th>
                <Table.Th>{t('members.history.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.data.items.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td>
                    <time dateTime={e.at}>{when.format(new Date(e.at))}</time>
                  </Table.Td>
                  <Table.Td>{e.userDisplayName ?? t('members.history.unknownUser')}</Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <span>{describeChange(t, e)}</span>
                      {e.clearanceGranted && (
                        <Badge color="grape" variant="light">
                          {t('members.history.clearanceGranted')}
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {e.actorDisplayName ?? t('members.history.unknownUser')}
                    {e.adminOutsideCase && (
                      <Text size="xs" c="dimmed">
                        {t('members.history.adminOutside')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && <Pagination mt="md" total={pages} value={page} onChange={setPage} getItemProps={(n) => ({ 'aria-label': t('cases.pager.page', { page: n }) })} />}
    </QuerySection>
  );
}

/** One membership change in words: added as…, removed, role from → to, clearance granted/withdrawn. */
export function describeChange(t: TFunction, e: Pick<MembershipEvent, 'change' | 'before' | 'after'>): string {
  const role = (r: string) => t(`caseRoles.${r}`);
  if (e.change === 'added' && e.after) {
    return t(e.after.identityClearance ? 'members.history.addedCleared' : 'members.history.added', { role: role(e.after.role) });
  }
  if (e.change === 'removed') return e.before ? t('members.history.removedFrom', { role: role(e.before.role) }) : t('members.history.removed');
  const parts: string[] = [];
  if (e.before && e.after && e.before.role !== e.after.role) parts.push(t('members.history.roleChanged', { from: role(e.before.role), to: role(e.after.role) }));
  if (e.before?.identityClearance !== e.after?.identityClearance && e.after) {
    parts.push(t(e.after.identityClearance ? 'members.history.clearanceOn' : 'members.history.clearanceOff'));
  }
  return parts.length ? parts.join('; ') : t('members.history.unchanged');
}
