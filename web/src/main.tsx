import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createTheme, Loader, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/errors';
import './i18n';
import { router } from './router';

const theme = createTheme({
  // People who ask their system for less motion get no transitions (modals, menus, notifications).
  respectReducedMotion: true,
  // Hangul first in the stack so Korean text never falls back to a mismatched font.
  fontFamily: 'system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif',
  primaryColor: 'indigo',
  // Shade 8 keeps white text on filled buttons above the WCAG AA contrast ratio (4.5:1).
  primaryShade: 8,
  components: {
    // A loader carries its label ("Loading…"); a bare span may not, so it is a status region.
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
  },
});

// Mantine's default "dimmed" grey is 3.3:1 on white; gray.7 passes WCAG AA, so c="dimmed" stays usable.
// The hover of "light" indigo (an active NavLink under the pointer) is indigo.2, 4.1:1 with its
// indigo.9 text; a paler hover keeps 4.7:1. The error red (field errors) is red.6, 3.3:1: red.8.
// Green "light" text (success alerts) is green.9 on green.1, 3.8:1: a darker green gives 6:1.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-indigo-light-hover': '#cdd7ff',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-green-light-color': '#1f6b2f',
  },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change on retry; a network blip or a 5xx may.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
