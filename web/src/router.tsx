import { createRootRoute, createRoute, createRouter, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { Root } from './app/Root';

/**
 * The route tree, in code. Each screen's component is loaded lazily (its own chunk) so the first
 * load stays small; params are typed from the paths. Add a screen: a createRoute here with
 * lazyRouteComponent(() => import('./features/<area>/<Screen>'), '<Screen>'), then addChildren.
 */
const rootRoute = createRootRoute({ component: Root });

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./features/cases/HomePage'), 'HomePage'),
});

const casesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cases',
  component: lazyRouteComponent(() => import('./features/cases/CasesPage'), 'CasesPage'),
});

const caseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cases/$caseId',
  component: lazyRouteComponent(() => import('./features/cases/CasePage'), 'CasePage'),
});

const caseIndexRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/cases/$caseId/people', params, replace: true });
  },
});

const casePeopleRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/people',
  component: lazyRouteComponent(() => import('./features/people/PeopleTab'), 'PeopleTab'),
});

const casePersonNewRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/people/new',
  component: lazyRouteComponent(() => import('./features/people/NewPersonPage'), 'NewPersonPage'),
});

const casePersonRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/people/$personId',
  component: lazyRouteComponent(() => import('./features/people/PersonPage'), 'PersonPage'),
});

const caseTestimoniesRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/testimonies',
  component: lazyRouteComponent(() => import('./features/testimonies/TestimoniesTab'), 'TestimoniesTab'),
});

const testimonyIntakeRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/testimonies/new',
  component: lazyRouteComponent(() => import('./features/testimonies/IntakePage'), 'IntakePage'),
});

const testimonyRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/testimonies/$testimonyId',
  component: lazyRouteComponent(() => import('./features/testimonies/TestimonyPage'), 'TestimonyPage'),
});

const caseMembersRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/members',
  component: lazyRouteComponent(() => import('./features/cases/MembersTab'), 'MembersTab'),
});

const caseFilesRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/files',
  component: lazyRouteComponent(() => import('./features/files/FilesPanel'), 'CaseFilesTab'),
});

const caseJobsRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/jobs',
  component: lazyRouteComponent(() => import('./features/jobs/CaseJobsTab'), 'CaseJobsTab'),
});

const caseAuditRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/audit',
  component: lazyRouteComponent(() => import('./features/audit/CaseAuditTab'), 'CaseAuditTab'),
});

const caseImportsRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/imports',
  component: lazyRouteComponent(() => import('./features/imports/ImportsTab'), 'ImportsTab'),
});

// Disclosures (case leads): the wizard and the register.
const caseDisclosuresRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/disclosures',
  component: lazyRouteComponent(() => import('./features/disclosures/DisclosuresTab'), 'DisclosuresTab'),
});

// A testimony's transcripts and files on their own page (the testimony page also renders the slots).
const testimonyTranscriptsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cases/$caseId/testimonies/$testimonyId/transcripts',
  component: lazyRouteComponent(() => import('./features/transcripts/TranscriptsPage'), 'TranscriptsPage'),
});

const caseEvidenceRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/evidence',
  component: lazyRouteComponent(() => import('./features/evidence/EvidenceTab'), 'EvidenceTab'),
});

const caseEvidenceItemRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/evidence/$itemId',
  component: lazyRouteComponent(() => import('./features/evidence/EvidenceDetailPage'), 'EvidenceDetailPage'),
});

const caseMatrixRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/matrix',
  component: lazyRouteComponent(() => import('./features/matrix/MatrixTab'), 'MatrixTab'),
});

// The case summary for print (case leads): outside the case's tabs, so it prints as one page.
const caseSummaryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cases/$caseId/summary',
  component: lazyRouteComponent(() => import('./features/summary/CaseSummaryPage'), 'CaseSummaryPage'),
});

// The transcript reader: select passages on the text the member may read, link them to elements.
const testimonyReaderRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cases/$caseId/testimonies/$testimonyId/reader',
  component: lazyRouteComponent(() => import('./features/evidence/ReaderPage'), 'ReaderPage'),
});

const reviewsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reviews',
  component: lazyRouteComponent(() => import('./features/review/ReviewInboxPage'), 'ReviewInboxPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('./features/account/AccountPage'), 'AccountPage'),
});

// Administration: AdminPage refuses non-admins (the API refuses them too); the tabs are child routes.
const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  component: lazyRouteComponent(() => import('./features/admin/AdminPage'), 'AdminPage'),
});
const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/admin/users', replace: true });
  },
});
const adminUsersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/users',
  component: lazyRouteComponent(() => import('./features/admin/UsersPage'), 'UsersPage'),
});
const adminNewUserRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/users/new',
  component: lazyRouteComponent(() => import('./features/admin/NewUserPage'), 'NewUserPage'),
});
const adminUserRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/users/$userId',
  component: lazyRouteComponent(() => import('./features/admin/UserPage'), 'UserPage'),
});
const adminTwoFactorRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/two-factor',
  component: lazyRouteComponent(() => import('./features/admin/TwoFactorPolicyPage'), 'TwoFactorPolicyPage'),
});
const adminAuditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/audit',
  component: lazyRouteComponent(() => import('./features/admin/AuditPage'), 'AuditPage'),
});


// Issue 16 (items 3, 5, 7): incidents, perpetrators (unit tree), redaction review, search.
const caseIncidentsRoute = createRoute({ getParentRoute: () => caseRoute, path: '/incidents', component: lazyRouteComponent(() => import('./features/incidents/IncidentsTab'), 'IncidentsTab') });
const caseIncidentNewRoute = createRoute({ getParentRoute: () => caseRoute, path: '/incidents/new', component: lazyRouteComponent(() => import('./features/incidents/IncidentFormPage'), 'NewIncidentPage') });
const caseIncidentRoute = createRoute({ getParentRoute: () => caseRoute, path: '/incidents/$incidentId', component: lazyRouteComponent(() => import('./features/incidents/IncidentPage'), 'IncidentPage') });
const caseIncidentEditRoute = createRoute({ getParentRoute: () => caseRoute, path: '/incidents/$incidentId/edit', component: lazyRouteComponent(() => import('./features/incidents/IncidentFormPage'), 'EditIncidentPage') });
const casePerpetratorsRoute = createRoute({ getParentRoute: () => caseRoute, path: '/perpetrators', component: lazyRouteComponent(() => import('./features/perpetrators/PerpetratorsTab'), 'PerpetratorsTab') });
const casePerpetratorRoute = createRoute({ getParentRoute: () => caseRoute, path: '/perpetrators/$perpetratorId', component: lazyRouteComponent(() => import('./features/perpetrators/PerpetratorPage'), 'PerpetratorPage') });
const caseRedactionsRoute = createRoute({ getParentRoute: () => caseRoute, path: '/redactions', component: lazyRouteComponent(() => import('./features/redactions/RedactionsTab'), 'RedactionsTab') });
const caseRedactionRoute = createRoute({ getParentRoute: () => caseRoute, path: '/redactions/$redactionId', component: lazyRouteComponent(() => import('./features/redactions/RedactionReviewPage'), 'RedactionReviewPage') });
const searchRoute = createRoute({ getParentRoute: () => rootRoute, path: '/search', component: lazyRouteComponent(() => import('./features/search/SearchPage'), 'SearchPage') });
const issue16Routes = [caseIncidentsRoute, caseIncidentNewRoute, caseIncidentRoute, caseIncidentEditRoute, casePerpetratorsRoute, casePerpetratorRoute, caseRedactionsRoute, caseRedactionRoute];

// Issue 17 item 5: statistics (counts with small cells withheld, timeline, map) per case and across the user's cases.
const caseStatisticsRoute = createRoute({ getParentRoute: () => caseRoute, path: '/statistics', component: lazyRouteComponent(() => import('./features/statistics/StatisticsTab'), 'StatisticsTab') });
const statisticsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/statistics', component: lazyRouteComponent(() => import('./features/statistics/StatisticsPage'), 'StatisticsPage') });

const routeTree = rootRoute.addChildren([
  homeRoute,
  casesRoute,
  caseRoute.addChildren([caseIndexRoute, casePeopleRoute, casePersonNewRoute, casePersonRoute, caseTestimoniesRoute, testimonyIntakeRoute, testimonyRoute, caseMembersRoute, caseFilesRoute, caseJobsRoute, caseImportsRoute, caseAuditRoute, caseEvidenceRoute, caseEvidenceItemRoute, caseMatrixRoute, caseDisclosuresRoute, ...issue16Routes, caseStatisticsRoute]),
  searchRoute,
  statisticsRoute,
  testimonyTranscriptsRoute,
  testimonyReaderRoute,
  caseSummaryRoute,
  reviewsRoute,
  accountRoute,
  adminRoute.addChildren([adminIndexRoute, adminUsersRoute, adminNewUserRoute, adminUserRoute, adminTwoFactorRoute, adminAuditRoute]),
]);

export const router = createRouter({ routeTree, basepath: '/app', defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
