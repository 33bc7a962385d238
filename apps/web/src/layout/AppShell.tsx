import {
  AuditOutlined,
  BarChartOutlined,
  BulbOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DownOutlined,
  EditOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  InteractionOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  NodeIndexOutlined,
  PartitionOutlined,
  PieChartOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UploadOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from "@ant-design/icons";
import type { Session } from "@thuocdo/contract";
import "dayjs/locale/vi";
import { App, Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { type ReactNode, Suspense, useState } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { errorMessage } from "../api/errors.ts";
import { useLogout, useSession } from "../api/queries/auth.ts";
import { canOpen, menuScreens, paths, type Screen, sortGrants } from "../auth/access.ts";
import { RequireAuth } from "../auth/RequireAuth.tsx";
import { ErrorBoundary } from "../components/ErrorBoundary.tsx";
import { PageLoading } from "../components/PageLoading.tsx";
import { t } from "../i18n/index.ts";
import { NotificationBell } from "./NotificationBell.tsx";

const icons: Record<Screen, ReactNode> = {
  home: <HomeOutlined />,
  changePassword: <KeyOutlined />,
  org: <ClusterOutlined />,
  positions: <IdcardOutlined />,
  people: <TeamOutlined />,
  peopleImport: <UploadOutlined />,
  users: <UserSwitchOutlined />,
  audit: <AuditOutlined />,
  catalog: <ProfileOutlined />,
  positionItems: <NodeIndexOutlined />,
  proposals: <BulbOutlined />,
  thisMonth: <CarryOutOutlined />,
  selfEvaluation: <FormOutlined />,
  board: <DashboardOutlined />,
  periods: <CalendarOutlined />,
  yearDashboard: <BarChartOutlined />,
  myYear: <SolutionOutlined />,
  yearClassification: <TrophyOutlined />,
  yearRecords: <FolderOpenOutlined />,
  petitions: <FlagOutlined />,
  yearReports: <FileTextOutlined />,
  agencySelf: <EditOutlined />,
  agencyDraft: <InteractionOutlined />,
  agencyAppraisal: <FileSearchOutlined />,
  agencyCouncil: <CheckSquareOutlined />,
  agencyFrameworks: <PartitionOutlined />,
  agencyConsolidation: <ReconciliationOutlined />,
  agencyDecision: <SafetyCertificateOutlined />,
  agencyReports: <PieChartOutlined />,
};

/** The signed-in frame: guard, sider (drawer on phones), header with the user's roles. */
export function AppShell() {
  return (
    <App>
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    </App>
  );
}

// Date pickers and relative times of the signed-in screens speak Vietnamese.
dayjs.locale("vi");

/** The menu key of the current URL: the longest menu path that prefixes it. */
function selectedKey(pathname: string): string {
  const candidates = menuScreens.map((m) => paths[m.screen] as string).filter((p) => p !== "/");
  const hit = candidates
    .filter((p) => pathname === p || pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];
  return hit ?? (pathname === "/" ? "/" : "");
}

function SideMenu({ session, onNavigate }: { session: Session; onNavigate?: () => void }) {
  const location = useLocation();
  const items: MenuProps["items"] = menuScreens
    .filter((m) => canOpen(session, m.screen))
    .map((m) => ({
      key: paths[m.screen],
      icon: icons[m.screen],
      label: (
        <Link to={paths[m.screen]} onClick={onNavigate}>
          {t(m.label)}
        </Link>
      ),
    }));
  return (
    <nav aria-label={t("nav.mainMenu")}>
      <Menu theme="dark" mode="inline" selectedKeys={[selectedKey(location.pathname)]} items={items} />
    </nav>
  );
}

function UserMenu({ session }: { session: Session }) {
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();
  const grants = sortGrants(session.grants);
  const items: MenuProps["items"] = [
    {
      key: "grants",
      type: "group",
      label: t("home.yourRoles"),
      children:
        grants.length === 0
          ? [{ key: "no-grants", label: t("home.noRoles"), disabled: true }]
          : grants.map((g) => ({
              key: `grant:${g.id}`,
              label: (
                <span>
                  <Tag color="blue">{t(`roles.${g.role}`)}</Tag>
                  {g.orgUnitName}
                </span>
              ),
            })),
    },
    { type: "divider" },
    { key: "password", icon: <KeyOutlined />, label: t("nav.changePassword") },
    { key: "logout", icon: <LogoutOutlined />, label: t("nav.logout"), danger: true },
  ];
  const onClick: MenuProps["onClick"] = ({ key }) => {
    if (key === "password") navigate(paths.changePassword);
    if (key === "logout")
      logout.mutate(undefined, {
        onSuccess: () => message.success(t("auth.loggedOut")),
        onError: (e) => message.error(errorMessage(e)),
        onSettled: () => navigate(paths.login, { replace: true }),
      });
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={["click"]} placement="bottomRight">
      <Button type="text" aria-label={t("nav.account")} data-testid="user-menu">
        <Space>
          <UserOutlined />
          <span className="app-user-name">{session.user.displayName}</span>
          <DownOutlined />
        </Space>
      </Button>
    </Dropdown>
  );
}

function AppLayout() {
  const { data: session } = useSession();
  const screens = Grid.useBreakpoint();
  const location = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  // Before the first measure `lg` is undefined; assume a desktop to avoid a flash of the phone layout.
  const desktop = screens.lg !== false;
  if (!session) return null;
  const roleSummary = [...new Set(session.grants.map((g) => t(`roles.${g.role}`)))].join(", ");

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      {desktop ? (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={232}>
          <div className="app-sider-brand">{collapsed ? "TĐ" : t("common.appName")}</div>
          <SideMenu session={session} />
        </Layout.Sider>
      ) : (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={264}
          title={t("common.appName")}
          styles={{ body: { padding: 0, background: "#001529" } }}
        >
          <SideMenu session={session} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {!desktop && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t("common.openMenu")}
              onClick={() => setDrawerOpen(true)}
            />
          )}
          {!desktop && <span className="app-brand">{t("common.appName")}</span>}
          <div style={{ flex: 1 }} />
          {desktop && roleSummary && (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
              {roleSummary}
            </Typography.Text>
          )}
          <NotificationBell />
          <UserMenu session={session} />
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} className="app-content">
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
