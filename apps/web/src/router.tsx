import { type ComponentType, lazy, Suspense } from "react";
import { createBrowserRouter, useRouteError } from "react-router";
import { RouterProvider } from "react-router/dom";
import { paths, publicPaths } from "./auth/access.ts";
import { PageLoading } from "./components/PageLoading.tsx";

/** Each screen is its own chunk, so the login page never downloads tables, trees or drawers. */
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  const Lazy = lazy(async () => ({ default: pick(await load()) }));
  return (
    <Suspense fallback={<PageLoading />}>
      <Lazy />
    </Suspense>
  );
}

// The crash screen is rare: load it (and antd's Result illustrations) only when needed.
const CrashNotice = lazy(async () => ({ default: (await import("./components/ErrorBoundary.tsx")).CrashNotice }));

function RouteError() {
  const error = useRouteError();
  return (
    <Suspense fallback={<PageLoading />}>
      <CrashNotice error={error} />
    </Suspense>
  );
}

const router = createBrowserRouter([
  // Published results are public: outside the signed-in frame, no login (Decree 335 Art. 21.1.đ).
  {
    path: publicPaths.results,
    element: page(
      () => import("./pages/year/PublicResultsPage.tsx"),
      (m) => m.PublicIndexPage,
    ),
    errorElement: <RouteError />,
  },
  {
    path: publicPaths.agencyResults,
    element: page(
      () => import("./pages/year/PublicResultsPage.tsx"),
      (m) => m.PublicResultsPage,
    ),
    errorElement: <RouteError />,
  },
  {
    path: publicPaths.agencyEvaluation,
    element: page(
      () => import("./pages/agency/PublicResultsPage.tsx"),
      (m) => m.PublicResultsPage,
    ),
    errorElement: <RouteError />,
  },
  {
    path: paths.login,
    element: page(
      () => import("./pages/LoginPage.tsx"),
      (m) => m.LoginPage,
    ),
    errorElement: <RouteError />,
  },
  {
    element: page(
      () => import("./layout/AppShell.tsx"),
      (m) => m.AppShell,
    ),
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        element: page(
          () => import("./pages/HomePage.tsx"),
          (m) => m.HomePage,
        ),
      },
      {
        path: paths.changePassword,
        element: page(
          () => import("./pages/ChangePasswordPage.tsx"),
          (m) => m.ChangePasswordPage,
        ),
      },
      {
        path: paths.org,
        element: page(
          () => import("./pages/OrgTreePage.tsx"),
          (m) => m.OrgTreePage,
        ),
      },
      {
        path: paths.positions,
        element: page(
          () => import("./pages/PositionsPage.tsx"),
          (m) => m.PositionsPage,
        ),
      },
      {
        path: paths.people,
        element: page(
          () => import("./pages/PeoplePage.tsx"),
          (m) => m.PeoplePage,
        ),
      },
      {
        path: paths.peopleImport,
        element: page(
          () => import("./pages/PeopleImportPage.tsx"),
          (m) => m.PeopleImportPage,
        ),
      },
      {
        path: paths.users,
        element: page(
          () => import("./pages/UsersPage.tsx"),
          (m) => m.UsersPage,
        ),
      },
      {
        path: paths.audit,
        element: page(
          () => import("./pages/AuditPage.tsx"),
          (m) => m.AuditPage,
        ),
      },
      {
        path: paths.thisMonth,
        element: page(
          () => import("./pages/work/ThisMonthPage.tsx"),
          (m) => m.ThisMonthPage,
        ),
      },
      {
        path: paths.selfEvaluation,
        element: page(
          () => import("./pages/work/SelfEvaluationPage.tsx"),
          (m) => m.SelfEvaluationPage,
        ),
      },
      {
        path: paths.board,
        element: page(
          () => import("./pages/work/DivisionBoardPage.tsx"),
          (m) => m.DivisionBoardPage,
        ),
      },
      {
        path: paths.periods,
        element: page(
          () => import("./pages/work/PeriodsPage.tsx"),
          (m) => m.PeriodsPage,
        ),
      },
      {
        path: paths.catalog,
        element: page(
          () => import("./pages/catalog/CatalogPage.tsx"),
          (m) => m.CatalogPage,
        ),
      },
      {
        path: paths.positionItems,
        element: page(
          () => import("./pages/catalog/PositionItemsPage.tsx"),
          (m) => m.PositionItemsPage,
        ),
      },
      {
        path: paths.proposals,
        element: page(
          () => import("./pages/catalog/ProposalsPage.tsx"),
          (m) => m.ProposalsPage,
        ),
      },
      {
        path: paths.yearDashboard,
        element: page(
          () => import("./pages/year/DashboardPage.tsx"),
          (m) => m.DashboardPage,
        ),
      },
      {
        path: paths.myYear,
        element: page(
          () => import("./pages/year/MyYearPage.tsx"),
          (m) => m.MyYearPage,
        ),
      },
      {
        path: paths.yearClassification,
        element: page(
          () => import("./pages/year/ClassificationPage.tsx"),
          (m) => m.ClassificationPage,
        ),
      },
      {
        path: paths.yearRecords,
        element: page(
          () => import("./pages/year/RecordsPage.tsx"),
          (m) => m.YearRecordsPage,
        ),
      },
      {
        path: paths.petitions,
        element: page(
          () => import("./pages/year/PetitionsPage.tsx"),
          (m) => m.PetitionsPage,
        ),
      },
      {
        path: paths.yearReports,
        element: page(
          () => import("./pages/year/ReportsPage.tsx"),
          (m) => m.YearReportsPage,
        ),
      },
      {
        path: paths.agencySelf,
        element: page(
          () => import("./pages/agency/SelfAssessmentPage.tsx"),
          (m) => m.SelfAssessmentPage,
        ),
      },
      {
        path: paths.agencyDraft,
        element: page(
          () => import("./pages/agency/DraftPage.tsx"),
          (m) => m.DraftPage,
        ),
      },
      {
        path: paths.agencyAppraisal,
        element: page(
          () => import("./pages/agency/AppraisalPage.tsx"),
          (m) => m.AppraisalPage,
        ),
      },
      {
        path: paths.agencyCouncil,
        element: page(
          () => import("./pages/agency/CouncilPage.tsx"),
          (m) => m.CouncilPage,
        ),
      },
      {
        path: paths.agencyFrameworks,
        element: page(
          () => import("./pages/agency/FrameworksPage.tsx"),
          (m) => m.FrameworksPage,
        ),
      },
      {
        path: paths.agencyConsolidation,
        element: page(
          () => import("./pages/agency/ConsolidationPage.tsx"),
          (m) => m.ConsolidationPage,
        ),
      },
      {
        path: paths.agencyDecision,
        element: page(
          () => import("./pages/agency/DecisionPage.tsx"),
          (m) => m.DecisionPage,
        ),
      },
      {
        path: paths.agencyReports,
        element: page(
          () => import("./pages/agency/ReportsPage.tsx"),
          (m) => m.ReportsPage,
        ),
      },
      {
        path: `${paths.agencyFrameworks}/:id`,
        element: page(
          () => import("./pages/agency/FrameworkEditorPage.tsx"),
          (m) => m.FrameworkEditorPage,
        ),
      },
      {
        path: "*",
        element: page(
          () => import("./pages/NotFoundPage.tsx"),
          (m) => m.NotFoundPage,
        ),
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
