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
  component: lazyRouteComponent(() => import('./features/cases/CaseTabs'), 'CasePeopleTab'),
});

const caseTestimoniesRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/testimonies',
  component: lazyRouteComponent(() => import('./features/cases/CaseTabs'), 'CaseTestimoniesTab'),
});

const caseMembersRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/members',
  component: lazyRouteComponent(() => import('./features/cases/CaseTabs'), 'CaseMembersTab'),
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

// A testimony's transcripts and files on their own page (the testimony page also renders the slots).
const testimonyTranscriptsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/cases/$caseId/testimonies/$testimonyId/transcripts',
  component: lazyRouteComponent(() => import('./features/transcripts/TranscriptsPage'), 'TranscriptsPage'),
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  caseRoute.addChildren([caseIndexRoute, casePeopleRoute, caseTestimoniesRoute, caseMembersRoute, caseFilesRoute, caseJobsRoute]),
  testimonyTranscriptsRoute,
]);

export const router = createRouter({ routeTree, basepath: '/app', defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
