import type { PublicClassification } from "@thuocdo/contract";
import type { Level } from "@thuocdo/core";
import { Alert, Card, Input, List, Select, Skeleton, Space, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { errorMessage } from "../../api/errors.ts";
import { usePublicAgencies, usePublicResults } from "../../api/queries/year.ts";
import { publicResultsPath } from "../../auth/access.ts";
import { LevelTag } from "../../components/ScoreValue.tsx";
import { fold, formatDate, formatDateTime, formatNumber, t } from "../../i18n/index.ts";
import { CsvButton } from "./CsvButton.tsx";
import { yearOptions } from "./useAgencyYear.ts";

type Row = PublicClassification["rows"][number];
const shown: Level[] = ["excellent", "good", "completed", "not_completed", "unclassified"];

/** The public frame: no menu, no login, the app's name and a way back to the list. */
function PublicFrame({ children }: { children: React.ReactNode }) {
  return (
    <div className="app-content" style={{ maxWidth: 1100 }}>
      <Typography.Title level={4} style={{ color: "#1f4e8c", marginTop: 8 }}>
        <Link to={publicResultsPath()}>{t("common.appName")}</Link> — {t("publicResults.heading")}
      </Typography.Title>
      {children}
    </div>
  );
}

/** Every agency's published results, by year (DESIGN §1: the public reads published results). */
export function PublicIndexPage() {
  const [year, setYear] = useState<number | undefined>();
  const agencies = usePublicAgencies(year);
  return (
    <PublicFrame>
      <div className="toolbar">
        <Select
          allowClear
          placeholder={t("publicResults.allYears")}
          aria-label={t("year.pickYear")}
          value={year}
          onChange={setYear}
          style={{ width: 160 }}
          options={yearOptions().map((y) => ({ value: y, label: t("year.yearLabel", { year: String(y) }) }))}
        />
      </div>
      {agencies.isError ? (
        <Alert type="error" showIcon title={errorMessage(agencies.error)} />
      ) : (
        <List
          bordered
          loading={agencies.isPending}
          dataSource={agencies.data ?? []}
          locale={{ emptyText: t("publicResults.noneYet") }}
          renderItem={(a) => (
            <List.Item>
              <Link to={publicResultsPath(a.agencyId, a.year)}>
                {a.agencyName} — {t("year.yearLabel", { year: String(a.year) })}
              </Link>
              <Typography.Text type="secondary">{formatDate(a.publishedAt)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </PublicFrame>
  );
}

/**
 * One agency's published classification (Art. 21.1.đ: disclosure, electronic preferred): the
 * decision, the counts by level and the list of names, units and levels. Read-only, no login.
 */
export function PublicResultsPage() {
  const params = useParams();
  const agencyId = params.agencyId ?? "";
  const year = Number(params.year);
  const results = usePublicResults(agencyId, year);
  const [q, setQ] = useState("");
  const [level, setLevel] = useState<Level | undefined>();
  if (results.isPending)
    return (
      <PublicFrame>
        <Skeleton active />
      </PublicFrame>
    );
  if (results.isError)
    return (
      <PublicFrame>
        <Alert
          type="warning"
          showIcon
          title={errorMessage(results.error)}
          description={t("publicResults.notPublished")}
        />
      </PublicFrame>
    );
  const r = results.data;
  const rows = r.rows.filter(
    (x) => (!level || x.level === level) && (!q || fold(`${x.fullName} ${x.unitName}`).includes(fold(q))),
  );
  return (
    <PublicFrame>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="public-title">
        {t("publicResults.titleFor", { agency: r.agencyName, year: String(r.year) })}
      </Typography.Title>
      <Typography.Paragraph>
        {t("publicResults.decision", { number: r.decisionNumber, date: formatDate(r.decisionDate) })}{" "}
        <Typography.Text type="secondary">
          {t("publicResults.publishedAt", { at: formatDateTime(r.publishedAt) })}
        </Typography.Text>
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={24}>
          {shown.map((l) => (
            <Statistic
              key={l}
              title={t(`levelsShort.${l}`)}
              value={r.counts[l] ?? 0}
              formatter={(v) => formatNumber(Number(v))}
            />
          ))}
        </Space>
      </Card>
      <div className="toolbar">
        <Input.Search
          className="grow"
          allowClear
          placeholder={t("publicResults.search")}
          aria-label={t("common.search")}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <Select
          allowClear
          placeholder={t("yearList.allLevels")}
          aria-label={t("yearList.levelFilter")}
          style={{ minWidth: 220 }}
          value={level}
          onChange={setLevel}
          options={shown.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
        />
        <CsvButton
          filename={`ket-qua-xep-loai-${year}.csv`}
          header={[t("yearList.fullName"), t("common.unit"), t("publicResults.title"), t("publicResults.level")]}
          rows={rows.map((x) => [x.fullName, x.unitName, x.title, t(`levels.${x.level}`)])}
        />
      </div>
      <Table<Row>
        rowKey={(x) => `${x.fullName}|${x.unitName}|${x.title ?? ""}`}
        dataSource={rows}
        size="middle"
        data-testid="public-table"
        pagination={{
          defaultPageSize: 50,
          showSizeChanger: true,
          showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
        }}
        columns={[
          {
            title: t("yearList.fullName"),
            dataIndex: "fullName",
            sorter: (a, b) => a.fullName.localeCompare(b.fullName, "vi"),
          },
          {
            title: t("common.unit"),
            dataIndex: "unitName",
            sorter: (a, b) => a.unitName.localeCompare(b.unitName, "vi"),
          },
          { title: t("publicResults.title"), dataIndex: "title", responsive: ["md"] },
          {
            title: t("publicResults.level"),
            dataIndex: "level",
            sorter: (a, b) => shown.indexOf(a.level) - shown.indexOf(b.level),
            render: (l: Level) => <LevelTag level={l} />,
          },
        ]}
      />
    </PublicFrame>
  );
}
