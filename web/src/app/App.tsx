import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, RouterProvider } from 'react-router';
import '../../../contracts/zod-vi';
import { ApiError } from '../api/client';
import { AppLayout } from './AppLayout';
import { AuthProvider, useAuth } from './auth';

dayjs.locale('vi');

const page = <T extends Record<string, React.ComponentType>>(
  load: () => Promise<T>,
  name: keyof T,
) => lazy(() => load().then((m) => ({ default: m[name] as React.ComponentType })));

const LoginPage = page(() => import('../features/auth/LoginPage'), 'LoginPage');
const ChangePasswordPage = page(
  () => import('../features/auth/ChangePasswordPage'),
  'ChangePasswordPage',
);
const TotpSetupPage = page(() => import('../features/auth/TotpSetupPage'), 'TotpSetupPage');
const OverviewPage = page(() => import('../features/overview/OverviewPage'), 'OverviewPage');
const HomePage = page(() => import('../features/home/HomePage'), 'HomePage');
const OrgUnitsPage = page(() => import('../features/org-units/OrgUnitsPage'), 'OrgUnitsPage');
const MembersPage = page(() => import('../features/members/MembersPage'), 'MembersPage');
const MemberPage = page(() => import('../features/members/MemberPage'), 'MemberPage');
const RecruitmentPage = page(
  () => import('../features/recruitment/RecruitmentPage'),
  'RecruitmentPage',
);
const ApplicantPage = page(() => import('../features/recruitment/ApplicantPage'), 'ApplicantPage');
const RemindersPage = page(() => import('../features/lifecycle/RemindersPage'), 'RemindersPage');
const BadgesPage = page(() => import('../features/lifecycle/BadgesPage'), 'BadgesPage');
const CardPhotosPage = page(() => import('../features/members/CardPhotosPage'), 'CardPhotosPage');
const DuesPage = page(() => import('../features/lifecycle/DuesPage'), 'DuesPage');
const CalendarPage = page(() => import('../features/calendar/CalendarPage'), 'CalendarPage');
const AccountsPage = page(() => import('../features/accounts/AccountsPage'), 'AccountsPage');
const AuditPage = page(() => import('../features/audit/AuditPage'), 'AuditPage');
const BackupPage = page(() => import('../features/backup/BackupPage'), 'BackupPage');
const SettingsPage = page(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const ImportsPage = page(() => import('../features/imports/ImportsPage'), 'ImportsPage');
const ReconciliationPage = page(
  () => import('../features/reconciliation/ReconciliationPage'),
  'ReconciliationPage',
);

const InspectionPage = page(
  () => import('../features/inspection/InspectionPage'),
  'InspectionPage',
);
const CasePage = page(() => import('../features/inspection/CasePage'), 'CasePage');
const DisciplinePage = page(
  () => import('../features/inspection/DisciplinePage'),
  'DisciplinePage',
);
const ReportsPage = page(() => import('../features/reports/ReportsPage'), 'ReportsPage');
const ReportEvidencePage = page(() => import('../features/reports/EvidencePage'), 'EvidencePage');
const DocumentsPage = page(() => import('../features/reports/DocumentsPage'), 'DocumentsPage');
const InspectionFiguresPage = page(
  () => import('../features/inspection/FiguresPage'),
  'FiguresPage',
);
const EvaluationsPage = page(
  () => import('../features/evaluations/EvaluationsPage'),
  'EvaluationsPage',
);
const EvaluationCampaignPage = page(
  () => import('../features/evaluations/CampaignPage'),
  'CampaignPage',
);
const EvaluationRecordPage = page(() => import('../features/evaluations/RecordPage'), 'RecordPage');
const EvaluationResultsPage = page(
  () => import('../features/evaluations/ResultsPage'),
  'ResultsPage',
);

const ResolutionsPage = page(
  () => import('../features/resolutions/ResolutionsPage'),
  'ResolutionsPage',
);
const ResolutionPage = page(
  () => import('../features/resolutions/ResolutionPage'),
  'ResolutionPage',
);
const MyReflectionsPage = page(
  () => import('../features/resolutions/MyReflectionsPage'),
  'MyReflectionsPage',
);
const MovementsPage = page(() => import('../features/emulation/MovementsPage'), 'MovementsPage');
const MovementPage = page(() => import('../features/emulation/MovementPage'), 'MovementPage');
const CommendationsPage = page(
  () => import('../features/emulation/CommendationsPage'),
  'CommendationsPage',
);
const CommendationPage = page(
  () => import('../features/emulation/CommendationPage'),
  'CommendationPage',
);
const MeetingsPage = page(() => import('../features/meetings/MeetingsPage'), 'MeetingsPage');
const ProgrammesPage = page(() => import('../features/education/ProgrammesPage'), 'ProgrammesPage');
const ProgrammePage = page(() => import('../features/education/ProgrammePage'), 'ProgrammePage');
const ModelsPage = page(() => import('../features/education/ModelsPage'), 'ModelsPage');
const OpinionNotesPage = page(
  () => import('../features/education/OpinionNotesPage'),
  'OpinionNotesPage',
);
const ProposalsPage = page(() => import('../features/proposals/ProposalsPage'), 'ProposalsPage');
const ResidencePage = page(() => import('../features/proposals/ResidencePage'), 'ResidencePage');
const CommitteePage = page(() => import('../features/committees/CommitteePage'), 'CommitteePage');

const RoundsPage = page(() => import('../features/congresses/RoundsPage'), 'RoundsPage');
const RoundPage = page(() => import('../features/congresses/RoundPage'), 'RoundPage');
const CongressPage = page(() => import('../features/congresses/CongressPage'), 'CongressPage');

const PlanPage = page(() => import('../features/plans/PlanPage'), 'PlanPage');
const DashboardPage = page(() => import('../features/dashboard/DashboardPage'), 'DashboardPage');
const NotificationsPage = page(
  () => import('../features/notifications/NotificationsPage'),
  'NotificationsPage',
);

const Loading = () => (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin size="large" />
  </div>
);

/** Private pages: log in first; a one-time password must be changed before anything else. */
const RequireUser = () => {
  const { user, loading } = useAuth();
  if (loading) return <Loading />;
  if (!user) return <Navigate to="/dang-nhap" replace />;
  if (user.mustChangePassword) return <Navigate to="/doi-mat-khau" replace />;
  if (user.mustSetupTotp) return <Navigate to="/xac-thuc-hai-lop" replace />;
  return (
    <AppLayout>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </AppLayout>
  );
};

/** An unknown address leads to the home page "/", which answers for every role (issue 22). */
const Home = () => <Navigate to="/" replace />;

const Bare = () => (
  <Suspense fallback={<Loading />}>
    <Outlet />
  </Suspense>
);

const router = createBrowserRouter([
  {
    element: <Bare />,
    children: [
      { path: '/dang-nhap', element: <LoginPage /> },
      { path: '/doi-mat-khau', element: <ChangePasswordPage /> },
      { path: '/xac-thuc-hai-lop', element: <TotpSetupPage /> },
    ],
  },
  {
    element: <RequireUser />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/tong-quan', element: <OverviewPage /> },
      { path: '/to-chuc', element: <OrgUnitsPage /> },
      { path: '/dang-vien', element: <MembersPage /> },
      { path: '/dang-vien/:id', element: <MemberPage /> },
      { path: '/phat-trien-dang', element: <RecruitmentPage /> },
      { path: '/phat-trien-dang/:id', element: <ApplicantPage /> },
      { path: '/viec-can-lam', element: <RemindersPage /> },
      { path: '/huy-hieu', element: <BadgesPage /> },
      { path: '/anh-the', element: <CardPhotosPage /> },
      { path: '/dang-phi', element: <DuesPage /> },
      { path: '/lich-lam-viec', element: <CalendarPage /> },
      { path: '/tai-khoan', element: <AccountsPage /> },
      { path: '/nhat-ky', element: <AuditPage /> },
      { path: '/sao-luu', element: <BackupPage /> },
      { path: '/cai-dat', element: <SettingsPage /> },
      { path: '/nhap-du-lieu', element: <ImportsPage /> },
      { path: '/doi-chieu-csdl', element: <ReconciliationPage /> },
      { path: '/kiem-tra-giam-sat', element: <InspectionPage /> },
      { path: '/kiem-tra-giam-sat/:id', element: <CasePage /> },
      { path: '/ky-luat', element: <DisciplinePage /> },
      { path: '/so-lieu-kiem-tra', element: <InspectionFiguresPage /> },
      { path: '/nghi-quyet', element: <ResolutionsPage /> },
      { path: '/nghi-quyet/:id', element: <ResolutionPage /> },
      { path: '/bai-thu-hoach', element: <MyReflectionsPage /> },
      { path: '/thi-dua', element: <MovementsPage /> },
      { path: '/thi-dua/:id', element: <MovementPage /> },
      { path: '/khen-thuong', element: <CommendationsPage /> },
      { path: '/khen-thuong/:id', element: <CommendationPage /> },
      { path: '/sinh-hoat', element: <MeetingsPage /> },
      { path: '/giao-duc-chinh-tri', element: <ProgrammesPage /> },
      { path: '/giao-duc-chinh-tri/:id', element: <ProgrammePage /> },
      { path: '/mo-hinh-dien-hinh', element: <ModelsPage /> },
      { path: '/du-luan-xa-hoi', element: <OpinionNotesPage /> },
      { path: '/kien-nghi', element: <ProposalsPage /> },
      { path: '/nhan-xet-noi-cu-tru', element: <ResidencePage /> },
      { path: '/cap-uy', element: <CommitteePage /> },
      { path: '/danh-gia-xep-loai', element: <EvaluationsPage /> },
      { path: '/danh-gia-xep-loai/ho-so/:id', element: <EvaluationRecordPage /> },
      { path: '/danh-gia-xep-loai/:id', element: <EvaluationCampaignPage /> },
      { path: '/ket-qua-xep-loai', element: <EvaluationResultsPage /> },
      { path: '/dai-hoi', element: <RoundsPage /> },
      { path: '/dai-hoi/dot/:id', element: <RoundPage /> },
      { path: '/dai-hoi/:id', element: <CongressPage /> },
      { path: '/dieu-hanh', element: <DashboardPage /> },
      { path: '/ke-hoach', element: <PlanPage /> },
      { path: '/bao-cao-tong-ket', element: <ReportsPage /> },
      { path: '/bao-cao-tong-ket/:id/chung-cu', element: <ReportEvidencePage /> },
      { path: '/so-van-ban', element: <DocumentsPage /> },
      { path: '/thong-bao', element: <NotificationsPage /> },
      { path: '*', element: <Home /> },
    ],
  },
]);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// Users who ask their system for less motion get no open/close animations (also the browser tests,
// whose clicks must not land on a dialog still zooming in).
const reducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

export const App = () => (
  <ConfigProvider
    locale={viVN}
    theme={{
      token: { fontSize: 15, colorPrimary: '#b71c1c', borderRadius: 6, motion: !reducedMotion },
    }}
  >
    <AntApp>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </QueryClientProvider>
    </AntApp>
  </ConfigProvider>
);
