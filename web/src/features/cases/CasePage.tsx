import { Alert, Loader, Tabs, Text } from '@mantine/core';
import { getRouteApi, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { CaseActions } from './CaseActions';
import { CaseStatusBadge } from './CaseBits';
import { useCase } from './queries';

const route = getRouteApi('/cases/$caseId');
export const CASE_TABS = ['people', 'testimonies', 'evidence', 'matrix', 'incidents', 'statistics', 'perpetrators', 'redactions', 'members', 'files', 'jobs', 'imports', 'disclosures', 'audit'] as const;
/** Tabs only a case's leads see (the API refuses the others). */
const LEAD_TABS: readonly CaseTab[] = ['disclosures', 'audit'];
export type CaseTab = (typeof CASE_TABS)[number];

/** A case: its title and tabs; each tab is a child route (/cases/$caseId/people, …). */
export function CasePage() {
  const { t } = useTranslation();
  const { caseId } = route.useParams();
  const navigate = useNavigate();
  // The location the Outlet shows (resolved), not the one being loaded: otherwise, while the next
  // tab's chunk loads, the Outlet moves panels and the current tab mounts a second time (refetching).
  const pathname = useRouterState({ select: (s) => (s.resolvedLocation ?? s.location).pathname });
  // A tab stays selected on its sub-pages too (/cases/…/testimonies/new, /testimonies/<id>).
  const kase = useCase(caseId);
  // Disclosures are the case leads' work: the tab is shown to them only (the API refuses others).
  const tabs = CASE_TABS.filter((tab) => kase.data?.myRole === 'lead' || !LEAD_TABS.includes(tab));
  const active = tabs.find((tab) => pathname.split('/').includes(tab)) ?? 'people';

  if (kase.isPending) return <Loader aria-label={t('common.loading')} />;
  if (kase.error) return <ErrorAlert error={kase.error} />;
  return (
    <>
      <PageTitle title={kase.data.title} actions={<CaseActions kase={kase.data} />} />
      {kase.data.status === 'archived' && (
        <Alert color="gray" variant="light" mb="md" title={<CaseStatusBadge status="archived" />}>
          {t('cases.archivedNotice')}
        </Alert>
      )}
      {kase.data.description && (
        <Text c="dimmed" mb="md">
          {kase.data.description}
        </Text>
      )}
      <Tabs value={active} onChange={(tab) => tab && void navigate({ to: `/cases/$caseId/${tab as CaseTab}`, params: { caseId } })}>
        <Tabs.List aria-label={t('case.tabsLabel')}>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`case.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {/* Every panel exists (the tabs point at them); only the active one holds the route. */}
        {tabs.map((tab) => (
          <Tabs.Panel key={tab} value={tab}>
            {tab === active && <Outlet />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
