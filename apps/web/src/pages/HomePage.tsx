import { ArrowRightOutlined } from "@ant-design/icons";
import type { Role } from "@thuocdo/contract";
import { Alert, Card, Col, List, Row, Skeleton, Statistic, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useSession } from "../api/queries/auth.ts";
import { usePositions, useUnits } from "../api/queries/org.ts";
import { usePeopleCount } from "../api/queries/people.ts";
import { canOpen, hasAnyRole, paths, type Screen, sortGrants } from "../auth/access.ts";
import { formatNumber, type MessageKey, t } from "../i18n/index.ts";

const roleColors: Record<Role, string> = {
  staff: "default",
  manager: "cyan",
  head: "gold",
  hr: "blue",
  appraiser: "purple",
  council: "magenta",
  admin: "red",
};

function CountCard(props: { title: MessageKey; value: number | undefined; loading: boolean; failed: boolean }) {
  return (
    <Card size="small">
      {props.loading ? (
        <Skeleton active paragraph={false} />
      ) : (
        <Statistic
          title={t(props.title)}
          value={props.failed || props.value === undefined ? t("common.none") : props.value}
          formatter={(v) => (typeof v === "number" ? formatNumber(v) : v)}
        />
      )}
      {props.failed && <Typography.Text type="secondary">{t("home.countUnavailable")}</Typography.Text>}
    </Card>
  );
}

/** Counts in the user's scope; only for roles that manage units and people (hr, head, manager). */
function ScopeCounts() {
  const units = useUnits();
  const people = usePeopleCount(true);
  const positions = usePositions(undefined);
  return (
    <Card title={t("home.inScope")} style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <CountCard
            title="home.countUnits"
            value={units.data?.length}
            loading={units.isPending}
            failed={units.isError}
          />
        </Col>
        <Col xs={24} sm={8}>
          <CountCard title="home.countPeople" value={people.data} loading={people.isPending} failed={people.isError} />
        </Col>
        <Col xs={24} sm={8}>
          <CountCard
            title="home.countPositions"
            value={positions.data?.length}
            loading={positions.isPending}
            failed={positions.isError}
          />
        </Col>
      </Row>
    </Card>
  );
}

interface QuickLink {
  screen: Screen;
  label: MessageKey;
  show?: (roles: (r: readonly Role[]) => boolean) => boolean;
}

const links: QuickLink[] = [
  { screen: "org", label: "home.linkOrg" },
  { screen: "positions", label: "home.linkPositions" },
  { screen: "people", label: "home.linkPeopleManage", show: (has) => has(["hr"]) },
  { screen: "people", label: "home.linkPeople", show: (has) => !has(["hr"]) },
  { screen: "peopleImport", label: "home.linkImport" },
  { screen: "users", label: "home.linkUsers" },
  { screen: "audit", label: "home.linkAudit" },
  { screen: "changePassword", label: "home.linkPassword" },
];

export function HomePage() {
  const { data: session } = useSession();
  if (!session) return null;
  const has = (r: readonly Role[]) => hasAnyRole(session, r);
  const grants = sortGrants(session.grants);
  const visibleLinks = links.filter((l) => canOpen(session, l.screen) && (l.show?.(has) ?? true));
  let counts: ReactNode = null;
  if (has(["hr", "head", "manager"])) counts = <ScopeCounts />;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("home.greeting", { name: session.user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("home.intro")}</Typography.Paragraph>
      <Card title={t("home.yourRoles")} style={{ marginBottom: 16 }}>
        {grants.length === 0 ? (
          <Alert type="warning" showIcon title={t("home.noRoles")} />
        ) : (
          <List
            dataSource={grants}
            renderItem={(g) => (
              <List.Item>
                <List.Item.Meta
                  title={<Tag color={roleColors[g.role]}>{t(`roles.${g.role}`)}</Tag>}
                  description={t("home.scope", { unit: g.orgUnitName })}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      {counts}
      <Card title={t("home.quickLinks")}>
        <List
          dataSource={visibleLinks}
          renderItem={(l) => (
            <List.Item>
              <Link to={paths[l.screen]}>
                <ArrowRightOutlined /> {t(l.label)}
              </Link>
            </List.Item>
          )}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t("home.comingSoon")}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
