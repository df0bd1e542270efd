// Runs first, before React and the app's modules are evaluated: starts, all at once, what the first
// screen would otherwise fetch one after another (the session, then the page's code, then its data).
// The page's own requests take these answers (api/client.ts `prefetch`). Issue 8: interactive < 1 s.
import { prefetch } from '../api/client';

type Start = { load: () => Promise<unknown>; data: (search: string) => string[] };

/** The pages opened most often, with the requests their first render makes. */
const starts: Record<string, Start> = {
  // Each role's home (issue 22): every role may read it, unlike the overview.
  '/': { load: () => import('../features/home/HomePage'), data: () => ['/api/home'] },
  '/tong-quan': {
    load: () =>
      Promise.all([
        import('../features/overview/OverviewPage'),
        import('../components/ChartCanvas'),
      ]),
    data: () => ['/api/overview', '/api/org-units/tree'],
  },
  '/dang-vien': {
    load: () => import('../features/members/MembersPage'),
    // Only the unfiltered list: a filtered address is left to the page.
    data: (search) => (search ? [] : ['/api/members?page=1&pageSize=20', '/api/org-units/tree']),
  },
  '/dang-nhap': { load: () => import('../features/auth/LoginPage'), data: () => [] },
};

const path = window.location.pathname;
prefetch('/api/auth/session');
const start = starts[path];
if (start) {
  start.load().catch(() => undefined); // the route's lazy import reports a failure itself
  for (const url of start.data(window.location.search)) prefetch(url);
}
