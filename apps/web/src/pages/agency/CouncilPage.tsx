import { FileWordOutlined } from "@ant-design/icons";
import type { CouncilBoard } from "@thuocdo/contract";
import { classifiedLevels } from "@thuocdo/core";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  Radio,
  Space,
  Table,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { useAgencyDownload, useCastVote, useCouncilBoard } from "../../api/queries/agency.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { CsvButton } from "../../components/agency/CsvButton.tsx";
import { CyclePicker } from "../../components/agency/CyclePicker.tsx";
import { useCycleParam } from "../../components/agency/useCycleParam.ts";
import { PageLoading } from "../../components/PageLoading.tsx";
import { LevelTag, ScoreValue } from "../../components/ScoreValue.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { fold, formatDateTime, t } from "../../i18n/index.ts";
import { FinalScoresDrawer } from "./FinalScoresDrawer.tsx";

export function CouncilPage() {
  return (
    <RequireRole roles={["council", "hr"]}>
      <Council />
    </RequireRole>
  );
}

function Council() {
  const { cycleId, setCycleId, cycles, query } = useCycleParam();
  const board = useCouncilBoard(cycleId);
  const download = useAgencyDownload();
  const { message } = App.useApp();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("agencyCouncil.title")}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <CyclePicker cycles={cycles} value={cycleId} onChange={setCycleId} loading={query.isPending} />
        {cycleId && (
          <Button
            icon={<FileWordOutlined />}
            loading={download.isPending}
            onClick={() =>
              download.mutate({ kind: "minutes", id: cycleId }, { onError: (e) => message.error(errorMessage(e)) })
            }
          >
            {t("agencyCouncil.minutes")}
          </Button>
        )}
      </Space>
      {query.isSuccess && cycles.length === 0 ? (
        <Empty description={t("agency.noCycles")} />
      ) : board.isError ? (
        <Alert type="error" showIcon title={errorMessage(board.error)} />
      ) : !board.data ? (
        cycleId && <PageLoading />
      ) : (
        <Board board={board.data} />
      )}
    </>
  );
}

type Row = CouncilBoard["rows"][number];

/**
 * The council's table (Quảng Nam Art. 8.3): each agency with its self, appraised and final
 * proposed score, the level the rules give, explanations; one vote per member per agency, the
 * tally and the majority of members present, with the quorum shown.
 */
function Board({ board: b }: { board: CouncilBoard }) {
  const vote = useCastVote();
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const [search, setSearch] = useState("");
  const [open, setOpen] = useState<Row | null>(null);
  const voting = b.step === "council";
  const rows = b.rows.filter((r) => !search || fold(r.agencyName).includes(fold(search)));
  const tallyText = (r: Row) =>
    classifiedLevels
      .filter((l) => r.tally[l] > 0)
      .map((l) => `${t(`agencyLevelShort.${l}`)}: ${r.tally[l]}`)
      .join(" · ");

  const columns: TableProps<Row>["columns"] = [
    {
      title: t("common.agency"),
      dataIndex: "agencyName",
      sorter: (x, y) => x.agencyName.localeCompare(y.agencyName, "vi"),
      render: (name: string, r) => (
        <Space orientation="vertical" size={0}>
          <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r)}>
            {name}
          </Button>
          {r.hasExplanations && <Tag color="orange">{t("agencyCouncil.hasExplanations")}</Tag>}
          {r.flags.length > 0 && <Tag color="red">{t("agencyCouncil.flagged")}</Tag>}
        </Space>
      ),
    },
    {
      title: t("agencyAdmin.self"),
      dataIndex: "selfScore",
      width: 90,
      sorter: (x, y) => x.selfScore - y.selfScore,
      render: (v: number) => <ScoreValue value={v} />,
    },
    {
      title: t("agencyAdmin.appraised"),
      dataIndex: "appraisedScore",
      width: 100,
      responsive: ["md"],
      sorter: (x, y) => x.appraisedScore - y.appraisedScore,
      render: (v: number) => <ScoreValue value={v} />,
    },
    {
      title: t("agencyCouncil.finalProposed"),
      dataIndex: "finalScore",
      width: 110,
      sorter: (x, y) => x.finalScore - y.finalScore,
      defaultSortOrder: "descend",
      render: (v: number) => <ScoreValue value={v} />,
    },
    {
      title: t("agencyCouncil.computedLevel"),
      key: "computed",
      width: 180,
      filters: classifiedLevels.map((l) => ({ text: t(`levels.${l}`), value: l })),
      onFilter: (v, r) => r.computedLevel === v,
      render: (_, r) =>
        r.computedLevel ? <LevelTag level={r.computedLevel} /> : <Tag color="red">{t("agency.levelForCouncil")}</Tag>,
    },
    {
      title: t("agencyCouncil.myVote"),
      key: "vote",
      width: 300,
      render: (_, r) =>
        voting ? (
          <Radio.Group
            size="small"
            optionType="button"
            value={r.myVote}
            aria-label={t("agencyCouncil.voteFor", { agency: r.agencyName })}
            onChange={(e) =>
              vote.mutate(
                { id: r.assessmentId, body: { level: e.target.value } },
                { onSuccess: () => message.success(t("agencyCouncil.voted", { agency: r.agencyName })), onError },
              )
            }
            options={classifiedLevels.map((l) => ({
              value: l,
              label: <Tooltip title={t(`levels.${l}`)}>{t(`agencyLevelShort.${l}`)}</Tooltip>,
            }))}
          />
        ) : r.myVote ? (
          <LevelTag level={r.myVote} />
        ) : (
          t("common.none")
        ),
    },
    {
      title: t("agencyCouncil.tally"),
      key: "tally",
      width: 200,
      render: (_, r) => (
        <Space orientation="vertical" size={2}>
          <span>{tallyText(r) || t("agencyCouncil.noVotes")}</span>
          {r.majorityLevel ? (
            <span>
              {t("agencyCouncil.majority")} <LevelTag level={r.majorityLevel} />
            </span>
          ) : (
            <Typography.Text type="secondary">{t("agencyCouncil.noMajority")}</Typography.Text>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: "members", label: t("agencyCouncil.members"), children: b.members.length },
            {
              key: "present",
              label: t("agencyCouncil.present"),
              children: (
                <span data-testid="council-quorum">
                  {t("agencyCouncil.presentOf", { present: b.presentCount, quorum: b.quorum })}{" "}
                  <Tag color={b.quorumMet ? "green" : "red"}>
                    {b.quorumMet ? t("agencyCouncil.quorumMet") : t("agencyCouncil.quorumNotMet")}
                  </Tag>
                </span>
              ),
            },
            { key: "step", label: t("agency.cycle"), children: t(`agencySteps.${b.step}`) },
          ]}
        />
        {!voting && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t("agencyCouncil.notVoting")} />}
      </Card>
      <Card>
        <div className="toolbar">
          <Input.Search
            className="grow"
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t("agencyAdmin.searchAgency")}
            aria-label={t("agencyAdmin.searchAgency")}
          />
          <CsvButton
            filename="bieu-quyet-hoi-dong"
            header={[
              t("common.agency"),
              t("agencyAdmin.self"),
              t("agencyAdmin.appraised"),
              t("agencyCouncil.finalProposed"),
              t("agencyCouncil.computedLevel"),
              t("agencyCouncil.tally"),
              t("agencyCouncil.majority"),
            ]}
            rows={() =>
              rows.map((r) => [
                r.agencyName,
                r.selfScore,
                r.appraisedScore,
                r.finalScore,
                r.computedLevel ? t(`levels.${r.computedLevel}`) : "",
                tallyText(r),
                r.majorityLevel ? t(`levels.${r.majorityLevel}`) : "",
              ])
            }
          />
        </div>
        <Table<Row>
          rowKey="assessmentId"
          size="small"
          columns={columns}
          dataSource={rows}
          scroll={{ x: 1000 }}
          expandable={{
            rowExpandable: (r) => r.ballots.length > 0,
            expandedRowRender: (r) => (
              <ul style={{ margin: 0 }}>
                {r.ballots.map((x) => (
                  <li key={x.userId}>
                    {x.displayName}: {t(`levels.${x.level}`)} ({formatDateTime(x.at)})
                  </li>
                ))}
              </ul>
            ),
          }}
          pagination={{
            defaultPageSize: 50,
            showSizeChanger: true,
            showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
          }}
        />
      </Card>
      {open && (
        <FinalScoresDrawer
          assessmentId={open.assessmentId}
          agencyName={open.agencyName}
          onClose={() => setOpen(null)}
        />
      )}
    </Space>
  );
}
