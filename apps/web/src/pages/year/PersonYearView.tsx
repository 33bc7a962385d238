import { DownloadOutlined, FileWordOutlined } from "@ant-design/icons";
import type { PersonYear } from "@thuocdo/contract";
import { Alert, App, Button, Card, Descriptions, List, Space, Tag, Typography } from "antd";
import { errorMessage } from "../../api/errors.ts";
import { useYearDownload } from "../../api/queries/year.ts";
import { LevelTag } from "../../components/ScoreValue.tsx";
import { formatDate, t } from "../../i18n/index.ts";
import { FileLink } from "./FileField.tsx";
import { AverageValue } from "./LevelCell.tsx";
import { ReasonList } from "./LevelReasons.tsx";
import { MonthsTable } from "./MonthsTable.tsx";
import { PartyOpinionForm, SelfProposalForm } from "./PersonYearForms.tsx";
import { PetitionStatusTag } from "./PetitionTags.tsx";

/**
 * One person's year (what Mẫu 02 prints): the 12 months with their explanations, the average, the
 * level and every rule that acted, the records that forced it, the self-proposed level, the Party
 * opinion, the decision and petitions. Used in the classification drawer and on "Năm của tôi".
 */
export function PersonYearView({
  data,
  agencyId,
  unitId,
  isSelf,
  canRecordParty,
}: {
  data: PersonYear;
  agencyId: string;
  /** Where uploaded files are filed (the person's unit). */
  unitId: string;
  isSelf: boolean;
  canRecordParty: boolean;
}) {
  const { row } = data;
  const files = useYearDownload();
  const { message } = App.useApp();
  const classificationId = data.classificationId;
  const open = data.classificationStatus === "open";
  const mau02 = (format: "docx" | "pdf") =>
    classificationId &&
    files.mutate(
      {
        name: format === "docx" ? "mau02Docx" : "mau02Pdf",
        query: { classificationId, personId: row.personId },
        fallbackName: `mau-02-${row.employeeCode ?? row.personId}.${format}`,
      },
      { onError: (e) => message.error(errorMessage(e)) },
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      {classificationId && (
        <Space wrap>
          <Button icon={<FileWordOutlined />} onClick={() => mau02("docx")} loading={files.isPending}>
            {t("yearList.mau02Docx")}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => mau02("pdf")} loading={files.isPending}>
            {t("yearList.mau02Pdf")}
          </Button>
        </Space>
      )}
      {data.published && (
        <Alert
          type="success"
          showIcon
          title={t("personYear.published", {
            level: t(`levels.${data.published.level}`),
            number: data.published.decisionNumber,
            date: formatDate(data.published.decisionDate),
          })}
        />
      )}
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t("common.unit")}>{row.unitName}</Descriptions.Item>
        <Descriptions.Item label={t("yearList.quotaGroup")}>
          {row.quotaGroupName ?? t("yearList.ungrouped")}
        </Descriptions.Item>
        <Descriptions.Item label={t("yearList.monthsCounted")}>
          {t("yearList.monthsTitle", { counted: row.monthsCounted, worked: row.monthsWorked })}
          {row.leave !== "none" && <Tag style={{ marginInlineStart: 8 }}>{t(`leaveKinds.${row.leave}`)}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t("yearList.average")}>
          <AverageValue row={row} />
        </Descriptions.Item>
        <Descriptions.Item label={t("yearList.yearLevel")}>
          <LevelTag level={row.yearLevel} />
        </Descriptions.Item>
        <Descriptions.Item label={t("yearList.proposedLevel")}>
          {row.proposedLevel ? (
            <LevelTag level={row.proposedLevel} />
          ) : (
            <Tag color="orange">{t("yearList.tiePending")}</Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t("yearList.decided")}>
          {row.decidedLevel ? <LevelTag level={row.decidedLevel} /> : t("common.none")}
        </Descriptions.Item>
        <Descriptions.Item label={t("personYear.ruleSet")}>{row.ruleSetVersion}</Descriptions.Item>
      </Descriptions>
      {row.transferredFrom.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={row.transferredFrom
            .map((f) => t("personYear.transferredFrom", { agency: f.agencyName, date: formatDate(f.effectiveOn) }))
            .join(" ")}
        />
      )}
      <Card size="small" title={t("personYear.whyLevel")}>
        <ReasonList reasons={row.reasons} records={data.records} />
      </Card>
      <Card size="small" title={t("personYear.monthsTitle")}>
        <MonthsTable row={row} agencyId={agencyId} year={data.year} />
      </Card>
      {data.records.length > 0 && (
        <Card size="small" title={t("personYear.recordsTitle")}>
          <List
            size="small"
            dataSource={data.records}
            renderItem={(r) => (
              <List.Item>
                <Space orientation="vertical" size={0}>
                  <span>
                    <Tag color="red">{t(`recordKinds.${r.kind}`)}</Tag>
                    {r.form && t(`disciplineForms.${r.form}`)}{" "}
                    {t("reasons.byDocument", { number: r.documentNumber, date: formatDate(r.documentDate) })}
                  </span>
                  <Typography.Text type="secondary">
                    {t("records.countsIn", { year: String(r.countsInYear) })}
                    {!r.publicDuty && ` — ${t("records.notPublicDuty")}`}
                  </Typography.Text>
                  <FileLink file={r.documentFile} />
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card size="small" title={t("personYear.selfTitle")}>
        {isSelf && open && classificationId ? (
          <SelfProposalForm data={data} classificationId={classificationId} />
        ) : (
          <Space orientation="vertical">
            <span>
              {t("personYear.selfLevel")}:{" "}
              {row.selfProposedLevel ? <LevelTag level={row.selfProposedLevel} /> : t("personYear.notYet")}
            </span>
            {data.selfReport && <Typography.Paragraph>{data.selfReport}</Typography.Paragraph>}
          </Space>
        )}
      </Card>
      {row.partyOpinionRequired && (
        <Card size="small" title={t("personYear.partyTitle")}>
          {data.partyOpinion && (
            <Typography.Paragraph>
              {data.partyOpinion.opinion} — {formatDate(data.partyOpinion.date)}{" "}
              <FileLink file={data.partyOpinion.file} />
            </Typography.Paragraph>
          )}
          {canRecordParty && open && classificationId ? (
            <PartyOpinionForm data={data} classificationId={classificationId} unitId={unitId} />
          ) : (
            !data.partyOpinion && <Typography.Text type="secondary">{t("personYear.notYet")}</Typography.Text>
          )}
        </Card>
      )}
      {data.petitions.length > 0 && (
        <Card size="small" title={t("personYear.petitionsTitle")}>
          <List
            size="small"
            dataSource={data.petitions}
            renderItem={(p) => (
              <List.Item>
                <Space wrap>
                  <PetitionStatusTag petition={p} />
                  {t("petitions.receivedDue", { received: formatDate(p.receivedOn), due: formatDate(p.dueOn) })}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}
