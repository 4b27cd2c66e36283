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
  component: lazyRouteComponent(() => import('./features/cases/CaseTabs'), 'CaseTestimoniesTab'),
});

const caseMembersRoute = createRoute({
  getParentRoute: () => caseRoute,
  path: '/members',
  component: lazyRouteComponent(() => import('./features/cases/CaseTabs'), 'CaseMembersTab'),
});

const routeTree = rootRoute.addChildren([homeRoute, caseRoute.addChildren([caseIndexRoute, casePeopleRoute, casePersonNewRoute, casePersonRoute, caseTestimoniesRoute, caseMembersRoute])]);

export const router = createRouter({ routeTree, basepath: '/app', defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
