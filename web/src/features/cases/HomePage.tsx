import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { CaseLink, CaseStatusBadge, CaseWorkLink, QuerySection } from './CaseBits';
import { useMyActivity, useWorkSummary, type ActivityEntry, type CaseWork } from './queries';

/** Home: my cases with what waits for me in each, and my own recent activity. */
export function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle
        title={t('home.title')}
        actions={
          <Button variant="light" renderRoot={(props) => <Link {...props} to="/cases" />}>
            {t('home.allCases')}
          </Button>
        }
      />
      <Stack gap="xl">
        <MyWork />
        <MyActivity />
      </Stack>
    </>
  );
}

function MyWork() {
  const { t, i18n } = useTranslation();
  const summary = useWorkSummary();
  const waiting = summary.data ? summary.data.linksToReview + summary.data.redactionsToReview : 0;
  return (
    <QuerySection id="home-work" title={t('home.workTitle')} query={summary}>
      {summary.data && waiting > 0 && (
        <Group mb="sm" gap="sm">
          <Button renderRoot={(props) => <Link {...props} to="/reviews" />}>{t('home.reviewInbox', { n: new Intl.NumberFormat(i18n.language).format(waiting) })}</Button>
          <Text size="sm" c="dimmed">
            {t('home.reviewBreakdown', { links: new Intl.NumberFormat(i18n.language).format(summary.data.linksToReview), redactions: new Intl.NumberFormat(i18n.language).format(summary.data.redactionsToReview) })}
          </Text>
        </Group>
      )}
      {summary.data && summary.data.cases.length === 0 && <Text>{t('home.noCases')}</Text>}
      {summary.data && summary.data.cases.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('home.casesTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('case.title')}</Table.Th>
                <Table.Th>{t('case.status')}</Table.Th>
                <Table.Th>{t('case.myRole')}</Table.Th>
                <Table.Th>{t('home.work.reviews')}</Table.Th>
                <Table.Th>{t('home.work.staleRedactions')}</Table.Th>
                <Table.Th>{t('home.work.failedJobs')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.data.cases.map((c) => (
                <WorkRow key={c.caseId} work={c} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </QuerySection>
  );
}

function WorkRow({ work: c }: { work: CaseWork }) {
  const { t, i18n } = useTranslation();
  const reviews = c.linksToReview + c.redactionsToReview;
  return (
    <Table.Tr>
      <Table.Td>
        <CaseLink caseId={c.caseId} title={c.title} />
        {c.identityClearance && (
          <Badge ml="xs" size="xs" variant="outline" color="grape">
            {t('members.cleared')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <CaseStatusBadge status={c.status} />
      </Table.Td>
      <Table.Td>{t(`caseRoles.${c.role}`)}</Table.Td>
      <Table.Td>
        <CaseWorkLink caseId={c.caseId} tab="testimonies" count={reviews} label={t('home.work.reviewsLink', { n: reviews, title: c.title })} />
      </Table.Td>
      <Table.Td>
        <CaseWorkLink caseId={c.caseId} tab="testimonies" count={c.staleRedactions} label={t('home.work.staleLink', { n: c.staleRedactions, title: c.title })} />
      </Table.Td>
      <Table.Td>
        <CaseWorkLink caseId={c.caseId} tab="jobs" count={c.failedJobs} label={t('home.work.failedLink', { n: c.failedJobs, title: c.title })} danger />
        {c.activeJobs > 0 && (
          <Text span size="sm" c="dimmed" ml="xs">
            {t('home.work.running', { n: new Intl.NumberFormat(i18n.language).format(c.activeJobs) })}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function MyActivity() {
  const { t, i18n } = useTranslation();
  const activity = useMyActivity();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const entries = activity.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <QuerySection id="home-activity" title={t('home.activityTitle')} query={activity}>
      {activity.data && entries.length === 0 && <Text>{t('home.noActivity')}</Text>}
      {entries.length > 0 && (
        <Table aria-label={t('home.activityTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('home.activity.when')}</Table.Th>
              <Table.Th>{t('home.activity.what')}</Table.Th>
              <Table.Th>{t('home.activity.case')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.seq}>
                <Table.Td>
                  <time dateTime={e.occurredAt}>{when.format(new Date(e.occurredAt))}</time>
                </Table.Td>
                <Table.Td>{activityText(t, e)}</Table.Td>
                <Table.Td>{e.caseId && e.caseTitle ? <CaseLink caseId={e.caseId} title={e.caseTitle} /> : <Text span c="dimmed">—</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {activity.hasNextPage && (
        <Group mt="sm">
          <Button variant="default" loading={activity.isFetchingNextPage} onClick={() => void activity.fetchNextPage()}>
            {t('home.activity.more')}
          </Button>
        </Group>
      )}
    </QuerySection>
  );
}

/** The action in words (activity.actions.<code>), falling back to the code itself. */
function activityText(t: ReturnType<typeof useTranslation>['t'], entry: ActivityEntry): string {
  return t(`activity.actions.${entry.action}`, { defaultValue: entry.action });
}
