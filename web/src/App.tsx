// Providers and routes. To add a page: create it under pages/ (a folder of page-local parts, like pages/report/,
// once it grows past 300 lines; a list page is built from components/ListHeader, ListContent and searchParams), add
// a route below (inside the signed-in layout unless it is public; `lazy` for a feature page) and, if it belongs in
// the menu, an entry in layout/navigation.ts.
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { isApiError } from './api/client.ts';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { SessionProvider } from './auth/SessionContext.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { ChangePasswordPage } from './auth/ChangePasswordPage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { cssVariablesResolver, theme } from './theme.ts';
import { webLink } from './paths.ts';

/** A server-side address (from a notification or an e-mail) sent to its page. */
function ServerLinkRedirect() {
  const location = useLocation();
  return <Navigate to={webLink(`${location.pathname}${location.search}${location.hash}`) ?? '/'} replace />;
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (no permission, not found…) won't change by asking again.
      retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

const router = createBrowserRouter([
  { path: '/dang-nhap', element: <LoginPage /> },
  // Public (no sign-in): the front door (issued plans and the public pages), the note on the law.
  {
    path: 'cong-khai',
    lazy: async () => ({ Component: (await import('./pages/public-plans/PublicHomePage.tsx')).PublicHomePage }),
  },
  {
    path: 'cong-khai/luat-tri-tue-nhan-tao',
    lazy: async () => ({ Component: (await import('./pages/public-plans/AiLawPage.tsx')).AiLawPage }),
  },
  // Public (no sign-in): the progress of an issued plan.
  {
    path: 'cong-khai/ke-hoach/:id',
    lazy: async () => ({ Component: (await import('./pages/PublicProgressPage.tsx')).PublicProgressPage }),
  },
  // Public petitions: send, follow by code, published answers.
  {
    path: 'cong-khai/kien-nghi',
    lazy: async () => ({ Component: (await import('./pages/petitions/PetitionFormPage.tsx')).PetitionFormPage }),
  },
  {
    path: 'cong-khai/kien-nghi/tra-cuu/:code?',
    lazy: async () => ({ Component: (await import('./pages/petitions/PetitionFollowPage.tsx')).PetitionFollowPage }),
  },
  {
    path: 'cong-khai/kien-nghi/tra-loi',
    lazy: async () => ({
      Component: (await import('./pages/petitions/PublishedPetitionsPage.tsx')).PublishedPetitionsPage,
    }),
  },
  {
    path: 'cong-khai/he-thong-ai/:id?',
    lazy: async () => ({ Component: (await import('./pages/ai-systems/PublicAiSystemsPage.tsx')).PublicAiSystemsPage }),
  },
  // Public (no sign-in): the catalogue of the province's data for AI, and one dataset of it.
  {
    path: 'cong-khai/du-lieu',
    lazy: async () => ({
      Component: (await import('./pages/public-data/PublicDatasetsPage.tsx')).PublicDatasetsPage,
    }),
  },
  {
    path: 'cong-khai/du-lieu/to-chuc',
    lazy: async () => ({
      Component: (await import('./pages/public-data/OrganisationAccountPage.tsx')).OrganisationAccountPage,
    }),
  },
  {
    path: 'cong-khai/du-lieu/:id',
    lazy: async () => ({ Component: (await import('./pages/public-data/PublicDatasetPage.tsx')).PublicDatasetPage }),
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'doi-mat-khau', element: <ChangePasswordPage /> },
          // Feature pages load on first visit (smaller first download on a phone).
          { path: 'don-vi', lazy: async () => ({ Component: (await import('./pages/UnitsPage.tsx')).UnitsPage }) },
          { path: 'don-vi/:id', lazy: async () => ({ Component: (await import('./pages/UnitPage.tsx')).UnitPage }) },
          {
            path: 'don-vi/:id/van-ban',
            lazy: async () => ({
              Component: (await import('./pages/unit-documents/UnitDocumentSettingsPage.tsx')).UnitDocumentSettingsPage,
            }),
          },
          { path: 'tai-khoan', lazy: async () => ({ Component: (await import('./pages/UsersPage.tsx')).UsersPage }) },
          { path: 'nhat-ky', lazy: async () => ({ Component: (await import('./pages/AuditPage.tsx')).AuditPage }) },
          { path: 'ke-hoach', lazy: async () => ({ Component: (await import('./pages/PlansPage.tsx')).PlansPage }) },
          {
            path: 'ke-hoach/nhap',
            lazy: async () => ({ Component: (await import('./pages/plan-import/PlanImportPage.tsx')).PlanImportPage }),
          },
          {
            path: 'ke-hoach/:id',
            lazy: async () => ({ Component: (await import('./pages/plan/PlanPage.tsx')).PlanPage }),
          },
          {
            path: 'ke-hoach/:id/sua',
            lazy: async () => ({ Component: (await import('./pages/plan-edit/PlanEditPage.tsx')).PlanEditPage }),
          },
          {
            path: 'ke-hoach/:id/trien-khai',
            lazy: async () => ({
              Component: (await import('./pages/plan-cascade/PlanCascadePage.tsx')).PlanCascadePage,
            }),
          },
          {
            path: 'ke-hoach/:id/so-sanh',
            lazy: async () => ({ Component: (await import('./pages/PlanComparePage.tsx')).PlanComparePage }),
          },
          {
            path: 'cong-viec',
            lazy: async () => ({ Component: (await import('./pages/AssignmentsPage.tsx')).AssignmentsPage }),
          },
          {
            path: 'cong-viec/:id',
            lazy: async () => ({ Component: (await import('./pages/AssignmentPage.tsx')).AssignmentPage }),
          },
          {
            path: 'cong-viec/:id/cap-nhat',
            lazy: async () => ({
              Component: (await import('./pages/assignment-update/AssignmentUpdatePage.tsx')).AssignmentUpdatePage,
            }),
          },
          {
            path: 'kho-khan',
            lazy: async () => ({ Component: (await import('./pages/ObstaclesPage.tsx')).ObstaclesPage }),
          },
          { path: 'bao-cao', lazy: async () => ({ Component: (await import('./pages/ReportsPage.tsx')).ReportsPage }) },
          {
            path: 'bao-cao/:id',
            lazy: async () => ({ Component: (await import('./pages/report/ReportPage.tsx')).ReportPage }),
          },
          {
            path: 'che-do-bao-cao/:id',
            lazy: async () => ({ Component: (await import('./pages/RegimePage.tsx')).RegimePage }),
          },
          {
            path: 'che-do-bao-cao/:id/ky/:key',
            lazy: async () => ({ Component: (await import('./pages/PeriodStatusPage.tsx')).PeriodStatusPage }),
          },
          {
            path: 'bang-dieu-khien',
            lazy: async () => ({ Component: (await import('./pages/dashboard/DashboardPage.tsx')).DashboardPage }),
          },
          {
            path: 'kien-nghi',
            lazy: async () => ({
              Component: (await import('./pages/petitions/PetitionQueuePage.tsx')).PetitionQueuePage,
            }),
          },
          {
            path: 'kien-nghi/:id',
            lazy: async () => ({ Component: (await import('./pages/petitions/PetitionPage.tsx')).PetitionPage }),
          },
          {
            path: 'he-thong-ai',
            lazy: async () => ({ Component: (await import('./pages/ai-systems/AiSystemsPage.tsx')).AiSystemsPage }),
          },
          {
            path: 'he-thong-ai/dang-ky',
            lazy: async () => ({
              Component: (await import('./pages/ai-systems/AiSystemRegisterPage.tsx')).AiSystemRegisterPage,
            }),
          },
          {
            path: 'he-thong-ai/tinh-hinh',
            lazy: async () => ({ Component: (await import('./pages/ai-systems/AiCoveragePage.tsx')).AiCoveragePage }),
          },
          {
            path: 'he-thong-ai/:id',
            lazy: async () => ({ Component: (await import('./pages/ai-systems/AiSystemPage.tsx')).AiSystemPage }),
          },
          {
            path: 'he-thong-ai/:id/danh-gia-tac-dong',
            lazy: async () => ({
              Component: (await import('./pages/ai-systems/ImpactAssessmentPage.tsx')).ImpactAssessmentPage,
            }),
          },
          {
            path: 'du-lieu',
            lazy: async () => ({ Component: (await import('./pages/datasets/DatasetsPage.tsx')).DatasetsPage }),
          },
          {
            path: 'du-lieu/them',
            lazy: async () => ({ Component: (await import('./pages/datasets/DatasetFormPage.tsx')).DatasetFormPage }),
          },
          {
            path: 'du-lieu/to-chuc',
            lazy: async () => ({
              Component: (await import('./pages/datasets/OrganisationsPage.tsx')).OrganisationsPage,
            }),
          },
          {
            path: 'du-lieu/:id',
            lazy: async () => ({ Component: (await import('./pages/datasets/DatasetPage.tsx')).DatasetPage }),
          },
          {
            path: 'du-lieu/:id/sua',
            lazy: async () => ({ Component: (await import('./pages/datasets/DatasetFormPage.tsx')).DatasetFormPage }),
          },
          {
            path: 'thong-bao',
            lazy: async () => ({ Component: (await import('./pages/NotificationsPage.tsx')).NotificationsPage }),
          },
          // Addresses the server writes in notifications and e-mails (/assignments?…, /obstacles?…#id).
          { path: 'assignments/*', element: <ServerLinkRedirect /> },
          { path: 'assignments', element: <ServerLinkRedirect /> },
          { path: 'obstacles', element: <ServerLinkRedirect /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <DatesProvider settings={{ locale: 'vi', firstDayOfWeek: 1 }}>
        <Notifications position="top-center" />
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
