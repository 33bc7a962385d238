import { LoginOutlined } from "@ant-design/icons";
import { limits } from "@thuocdo/contract";
import { Alert, App, Button, Card, Input, InputNumber, Layout, Table, type TableProps, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { ResponseOf } from "../../api/client.ts";
import { errorMessage } from "../../api/errors.ts";
import { usePublicResults } from "../../api/queries/agency.ts";
import { paths } from "../../auth/access.ts";
import { CsvButton } from "../../components/agency/CsvButton.tsx";
import { LevelTag, ScoreValue } from "../../components/ScoreValue.tsx";
import { formatDate, t } from "../../i18n/index.ts";
import { useDebounced } from "../../lib/useDebounced.ts";

type Row = ResponseOf<"publicAgencyResults">["items"][number];

/** The public page (no login): agencies' results as decided and published (công khai). */
export function PublicResultsPage() {
  return (
    <App>
      <Layout style={{ minHeight: "100vh" }}>
        <Layout.Header className="app-header">
          <span className="app-brand">{t("common.appName")}</span>
          <div style={{ flex: 1 }} />
          <Link to={paths.login}>
            <Button type="text" icon={<LoginOutlined />}>
              {t("agencyPublic.login")}
            </Button>
          </Link>
        </Layout.Header>
        <Layout.Content id="main" className="app-content">
          <PublicResults />
        </Layout.Content>
      </Layout>
    </App>
  );
}

function PublicResults() {
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 350);
  const [year, setYear] = useState<number | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const list = usePublicResults({ q: q || undefined, year, ...paging });
  const items = list.data?.items ?? [];

  const columns: TableProps<Row>["columns"] = [
    { title: t("agencyFrameworks.year"), dataIndex: "year", width: 80, sorter: (a, b) => a.year - b.year },
    {
      title: t("agencyFrameworks.group"),
      dataIndex: "groupName",
      responsive: ["md"],
      sorter: (a, b) => a.groupName.localeCompare(b.groupName, "vi"),
    },
    { title: t("agencyDecision.rank"), dataIndex: "rank", width: 70, sorter: (a, b) => a.rank - b.rank },
    {
      title: t("common.agency"),
      dataIndex: "agencyName",
      sorter: (a, b) => a.agencyName.localeCompare(b.agencyName, "vi"),
    },
    {
      title: t("agencyDecision.score"),
      dataIndex: "score",
      width: 90,
      sorter: (a, b) => a.score - b.score,
      render: (v: number) => <ScoreValue value={v} />,
    },
    {
      title: t("agencyDecision.level"),
      dataIndex: "level",
      width: 210,
      filters: (["excellent", "good", "completed", "not_completed"] as const).map((l) => ({
        text: t(`levels.${l}`),
        value: l,
      })),
      onFilter: (v, r) => r.level === v,
      render: (_, r) => <LevelTag level={r.level} />,
    },
    {
      title: t("agencyPublic.decision"),
      key: "decision",
      width: 200,
      responsive: ["lg"],
      render: (_, r) =>
        r.decisionNumber
          ? t("agencyPublic.decisionText", { number: r.decisionNumber, date: formatDate(r.decisionDate) })
          : t("common.none"),
    },
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("agencyPublic.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("agencyPublic.intro")}</Typography.Paragraph>
      <Card>
        <div className="toolbar">
          <Input.Search
            className="grow"
            allowClear
            value={search}
            maxLength={limits.nameMax}
            placeholder={t("agencyAdmin.searchAgency")}
            aria-label={t("agencyAdmin.searchAgency")}
            onChange={(e) => {
              setSearch(e.target.value);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
          />
          <InputNumber
            min={2000}
            max={2100}
            value={year ?? null}
            placeholder={t("agencyFrameworks.year")}
            aria-label={t("agencyFrameworks.year")}
            onChange={(v) => {
              setYear(typeof v === "number" ? v : undefined);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
          />
          <CsvButton
            filename="ket-qua-xep-loai-co-quan"
            header={[
              t("agencyFrameworks.year"),
              t("agencyFrameworks.group"),
              t("agencyDecision.rank"),
              t("common.agency"),
              t("agencyDecision.score"),
              t("agencyDecision.level"),
              t("agencyPublic.decision"),
            ]}
            rows={() =>
              items.map((r) => [
                r.year,
                r.groupName,
                r.rank,
                r.agencyName,
                r.score,
                r.level ? t(`levels.${r.level}`) : "",
                r.decisionNumber ?? "",
              ])
            }
          />
        </div>
        {list.isError ? (
          <Alert type="error" showIcon title={errorMessage(list.error)} />
        ) : (
          <Table<Row>
            rowKey={(r) => `${r.cycleId}:${r.agencyName}`}
            columns={columns}
            dataSource={items}
            loading={list.isFetching}
            scroll={{ x: 700 }}
            locale={{ emptyText: t("agencyPublic.empty") }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
          />
        )}
      </Card>
    </>
  );
}
