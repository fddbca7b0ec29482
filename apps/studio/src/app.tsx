import { MantineProvider, createTheme } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, RouterProvider, createBrowserRouter } from 'react-router';
import { ApiError } from './api/client';
import { RequireSession } from './features/auth/components/require-session';
import { AppLayout } from './features/shell/components/app-layout';
import { NotFoundRoute } from './features/shell/routes/not-found-route';

const theme = createTheme({
  fontFamily: 'Sarabun, "Noto Sans Thai", system-ui, sans-serif',
  headings: { fontFamily: 'Sarabun, "Noto Sans Thai", system-ui, sans-serif' },
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
        { index: true, element: <Navigate to="/stories" replace /> },
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
