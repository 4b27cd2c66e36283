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
  component: lazyRouteComponent(() => import('./features/cases/CaseTabs'), 'CasePeopleTab'),
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

const routeTree = rootRoute.addChildren([homeRoute, casesRoute, caseRoute.addChildren([caseIndexRoute, casePeopleRoute, caseTestimoniesRoute, testimonyIntakeRoute, testimonyRoute, caseMembersRoute])]);

export const router = createRouter({ routeTree, basepath: '/app', defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
