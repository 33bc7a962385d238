import { EditOutlined, SaveOutlined } from "@ant-design/icons";
import type { Assessment, CriterionScore } from "@thuocdo/contract";
import { agencyLimits } from "@thuocdo/contract";
import { App, Button, Card, Input, InputNumber, Select, Space, Table, type TableProps, Tag, Tooltip } from "antd";
import { useMemo, useState } from "react";
import { useSaveSelfScores } from "../../api/queries/agency.ts";
import { CsvButton } from "../../components/agency/CsvButton.tsx";
import { ScoreValue } from "../../components/ScoreValue.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";
import { nodeScores } from "../../lib/agencyScores.ts";
import { CriterionCell, matchesCriterion, maxLabel } from "./criteriaColumns.tsx";
import { SelfCriterionDrawer, selfInputOf } from "./SelfCriterionDrawer.tsx";

type Show = "all" | "unscored" | "na";

/**
 * The agency scores each criterion: leaves inline (saved together), and per criterion a drawer for
 * the note, evidence files and "not applicable" with its explanation. Parents show the sum the
 * server's core computed, never a sum made here.
 */
export function SelfScoresCard({ assessment: a }: { assessment: Assessment }) {
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  const [open, setOpen] = useState<CriterionScore | null>(null);
  const [search, setSearch] = useState("");
  const [show, setShow] = useState<Show>("all");
  const save = useSaveSelfScores();
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const editable = a.can.selfAssess;
  const computed = useMemo(() => nodeScores(a.totals?.self.explanation), [a.totals]);
  const dirty = Object.keys(edits).length;

  const rows = a.criteria.filter(
    (c) =>
      matchesCriterion(c, search) &&
      (show === "all" ||
        (show === "unscored" && c.isLeaf && !c.self?.notApplicable && (c.self?.score ?? null) === null) ||
        (show === "na" && !!c.self?.notApplicable)),
  );

  const onSave = () => {
    const scores = Object.entries(edits).flatMap(([id, score]) => {
      const c = a.criteria.find((x) => x.criterionId === id);
      return c ? [{ ...selfInputOf(c), score }] : [];
    });
    save.mutate(
      { id: a.id, body: { scores } },
      {
        onSuccess: () => {
          setEdits({});
          message.success(t("agencySelf.scoresSaved", { n: scores.length }));
        },
        onError,
      },
    );
  };

  const columns: TableProps<CriterionScore>["columns"] = [
    { title: t("agency.criterion"), key: "criterion", render: (_, c) => <CriterionCell c={c} /> },
    { title: t("agency.max"), key: "max", width: 90, align: "right", render: (_, c) => maxLabel(c) },
    {
      title: t("agencySelf.selfScore"),
      key: "self",
      width: 150,
      render: (_, c) => {
        if (c.self?.notApplicable) return <Tag>{t("agency.notApplicable")}</Tag>;
        if (!c.isLeaf) return <ScoreValue value={computed.get(c.criterionId)} />;
        if (!editable) return <ScoreValue value={c.self?.score} />;
        const value = edits[c.criterionId] !== undefined ? (edits[c.criterionId] ?? null) : (c.self?.score ?? null);
        return (
          <InputNumber
            value={value}
            min={0}
            max={c.max}
            step={0.25}
            precision={agencyLimits.decimals}
            decimalSeparator=","
            style={{ width: 110 }}
            aria-label={t("agencySelf.scoreOf", { code: c.code })}
            status={value !== null && value > c.max ? "error" : undefined}
            onChange={(v) => setEdits((e) => ({ ...e, [c.criterionId]: typeof v === "number" ? v : null }))}
          />
        );
      },
    },
    {
      title: t("agency.evidence"),
      key: "files",
      width: 110,
      responsive: ["md"],
      render: (_, c) =>
        c.isLeaf || c.self?.notApplicable ? (
          <Tag color={(c.self?.files.length ?? 0) > 0 ? "blue" : "default"}>
            {t("agency.filesCount", { n: c.self?.files.length ?? 0 })}
          </Tag>
        ) : null,
    },
    {
      title: t("agency.note"),
      key: "note",
      responsive: ["lg"],
      ellipsis: true,
      render: (_, c) => c.self?.naExplanation ?? c.self?.note ?? "",
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 80,
      fixed: "right",
      render: (_, c) =>
        c.kind === "scored" || c.isLeaf ? (
          <Tooltip title={t("agencySelf.details")}>
            <Button
              icon={<EditOutlined />}
              aria-label={t("agencySelf.detailsOf", { code: c.code })}
              onClick={() => setOpen(c)}
            />
          </Tooltip>
        ) : null,
    },
  ];

  return (
    <Card
      title={t("agencySelf.criteriaTitle")}
      extra={
        editable && (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={dirty === 0}
            loading={save.isPending}
            onClick={onSave}
          >
            {dirty > 0 ? t("agencySelf.saveScoresN", { n: dirty }) : t("agencySelf.saveScores")}
          </Button>
        )
      }
    >
      <div className="toolbar">
        <Input.Search
          className="grow"
          allowClear
          placeholder={t("agency.searchCriteria")}
          aria-label={t("agency.searchCriteria")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Select<Show>
          value={show}
          onChange={setShow}
          aria-label={t("agency.show")}
          style={{ minWidth: 200 }}
          options={[
            { value: "all", label: t("agencySelf.showAll") },
            { value: "unscored", label: t("agencySelf.showUnscored") },
            { value: "na", label: t("agencySelf.showNa") },
          ]}
        />
        <CsvButton
          filename={`tu-cham-diem-${a.agencyName}`}
          header={[
            t("common.code"),
            t("agency.criterion"),
            t("agency.max"),
            t("agencySelf.selfScore"),
            t("agency.notApplicable"),
            t("agency.note"),
          ]}
          rows={() =>
            rows.map((c) => [
              c.code,
              c.name,
              c.max,
              c.isLeaf ? (c.self?.score ?? null) : (computed.get(c.criterionId) ?? null),
              c.self?.notApplicable ? "x" : "",
              c.self?.naExplanation ?? c.self?.note ?? "",
            ])
          }
        />
      </div>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Table<CriterionScore>
          rowKey="criterionId"
          size="small"
          columns={columns}
          dataSource={rows}
          scroll={{ x: 760 }}
          pagination={{
            defaultPageSize: 50,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
          }}
          locale={{ emptyText: t("agency.noCriteria") }}
        />
      </Space>
      {open && (
        <SelfCriterionDrawer
          assessment={a}
          criterion={open}
          pendingScore={open.criterionId in edits ? edits[open.criterionId] : undefined}
          onClose={(saved) => {
            if (saved) setEdits(({ [open.criterionId]: _, ...rest }) => rest);
            setOpen(null);
          }}
        />
      )}
    </Card>
  );
}
