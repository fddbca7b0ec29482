import { MantineProvider, createTheme } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { ApiError } from './api/client';
import { RequireSession } from './features/auth/components/require-session';
import { ADMIN_ROUTES } from './features/admin/admin-routes';
import { SOCIAL_ROUTES } from './features/social/social-routes';
import { AppLayout } from './features/shell/components/app-layout';
import { HomeRoute } from './features/shell/routes/home-route';
import { NotFoundRoute } from './features/shell/routes/not-found-route';

const theme = createTheme({
  fontFamily: 'Sarabun, "Noto Sans Thai", system-ui, sans-serif',
  headings: { fontFamily: 'Sarabun, "Noto Sans Thai", system-ui, sans-serif' },
  // Code and payloads carry Thai too (a dead letter's data): a monospace font has no Thai, so Sarabun draws it.
  fontFamilyMonospace:
    'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", Sarabun, "Noto Sans Thai", monospace',
  primaryColor: 'teal',
  // Dark enough for white text (WCAG AA, 4.5:1), and light variants pick readable text by themselves.
  primaryShade: 9,
  autoContrast: true,
  // People who asked their system for less motion get dialogs and menus without animations.
  respectReducedMotion: true,
  // Thai vowels and tone marks sit above and below the line: give them room.
  lineHeights: { md: '1.7' },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused request (4xx) will be refused again; only network trouble and 503s are worth a retry.
      retry: (count, err) =>
        count < 2 && (!(err instanceof ApiError) || err.kind === 'network' || err.kind === 'unavailable'),
      refetchOnWindowFocus: false,
    },
  },
});

// Each room's pages load with the room (route-split); part 2's rooms add their routes here.
const router = createBrowserRouter(
  [
    {
      path: '/login',
      lazy: () => import('./features/auth/routes/login-route').then((m) => ({ Component: m.LoginRoute })),
    },
    {
      path: '/',
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      children: [
        { index: true, element: <HomeRoute /> },
        {
          path: 'stories',
          lazy: () =>
            import('./features/stories/routes/story-list-route').then((m) => ({ Component: m.StoryListRoute })),
        },
        {
          path: 'stories/new',
          lazy: () => import('./features/stories/routes/new-story-route').then((m) => ({ Component: m.NewStoryRoute })),
        },
        {
          path: 'stories/:id',
          lazy: () =>
            import('./features/stories/routes/story-editor-route').then((m) => ({ Component: m.StoryEditorRoute })),
        },
        {
          path: 'media',
          lazy: () =>
            import('./features/media/routes/media-library-route').then((m) => ({ Component: m.MediaLibraryRoute })),
        },
        {
          path: 'media/:id',
          lazy: () => import('./features/media/routes/asset-route').then((m) => ({ Component: m.AssetRoute })),
        },
        // The translation desk (translators, editors, admins).
        {
          path: 'translation',
          lazy: () =>
            import('./features/translation/routes/job-list-route').then((m) => ({ Component: m.JobListRoute })),
        },
        {
          path: 'translation/:id',
          lazy: () =>
            import('./features/translation/routes/job-editor-route').then((m) => ({ Component: m.JobEditorRoute })),
        },
        {
          path: 'glossary',
          lazy: () =>
            import('./features/translation/routes/glossary-route').then((m) => ({ Component: m.GlossaryRoute })),
        },
        ...SOCIAL_ROUTES,
        ...ADMIN_ROUTES,
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ],
  { basename: '/studio' },
);

export function App() {
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 0 }}>
        <QueryClientProvider client={queryClient}>
          <Notifications />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
