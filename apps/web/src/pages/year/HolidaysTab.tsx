import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { type Holiday, limits } from "@thuocdo/contract";
import { Alert, App, Button, DatePicker, Input, Select, Space, Table, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { useHolidays, useReplaceHolidays } from "../../api/queries/year.ts";
import { formatDate, t } from "../../i18n/index.ts";

type Day = Pick<Holiday, "date" | "name" | "kind">;
const kinds: Day["kind"][] = ["holiday", "tet", "compensatory"];

/**
 * The public holidays and Tết days that petition due dates skip (Art. 22: 7 working days). 2026
 * is built in; hr corrects a year's list when the Government moves a day, with a reason.
 */
export function HolidaysTab({ year, canEdit }: { year: number; canEdit: boolean }) {
  const holidays = useHolidays(year);
  const replace = useReplaceHolidays();
  const { message } = App.useApp();
  const [days, setDays] = useState<Day[]>([]);
  const [dirty, setDirty] = useState(false);
  const [draft, setDraft] = useState<{ date?: Dayjs; name: string; kind: Day["kind"] }>({ name: "", kind: "holiday" });
  const [reason, setReason] = useState("");

  useEffect(() => {
    setDays((holidays.data ?? []).map(({ date, name, kind }) => ({ date, name, kind })));
    setDirty(false);
  }, [holidays.data]);

  const sources = new Map((holidays.data ?? []).map((h) => [h.date, h.source]));
  const add = () => {
    if (!draft.date || !draft.name.trim()) return;
    const date = draft.date.format("YYYY-MM-DD");
    setDays((d) =>
      [...d.filter((x) => x.date !== date), { date, name: draft.name.trim(), kind: draft.kind }].sort((a, b) =>
        a.date.localeCompare(b.date),
      ),
    );
    setDraft({ name: "", kind: draft.kind });
    setDirty(true);
  };
  const save = () =>
    replace.mutate(
      { year, body: { days, reason: reason.trim() } },
      { onSuccess: () => message.success(t("common.saved")), onError: (e) => message.error(errorMessage(e)) },
    );

  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("holidays.help")} />
      {holidays.isError && <Alert type="error" showIcon title={errorMessage(holidays.error)} />}
      <Table<Day>
        rowKey="date"
        size="small"
        loading={holidays.isFetching}
        dataSource={days}
        pagination={false}
        locale={{ emptyText: t("holidays.empty") }}
        columns={[
          { title: t("holidays.date"), dataIndex: "date", render: (d: string) => formatDate(d) },
          { title: t("common.name"), dataIndex: "name" },
          {
            title: t("holidays.kind"),
            dataIndex: "kind",
            render: (k: Day["kind"]) => <Tag>{t(`holidayKinds.${k}`)}</Tag>,
          },
          {
            title: t("holidays.source"),
            key: "source",
            render: (_, d) => (sources.get(d.date) === "builtin" ? t("holidays.builtin") : t("holidays.custom")),
          },
          ...(canEdit
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  width: 80,
                  render: (_: unknown, d: Day) => (
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t("common.delete")}
                      onClick={() => {
                        setDays((all) => all.filter((x) => x.date !== d.date));
                        setDirty(true);
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && (
        <Space orientation="vertical" style={{ marginTop: 12, width: "100%" }}>
          <Space wrap>
            <DatePicker
              format="DD/MM/YYYY"
              value={draft.date}
              onChange={(d) => setDraft((x) => ({ ...x, date: d ?? undefined }))}
            />
            <Input
              placeholder={t("holidays.namePlaceholder")}
              value={draft.name}
              maxLength={limits.nameMax}
              onChange={(e) => setDraft((x) => ({ ...x, name: e.target.value }))}
              style={{ width: 240 }}
            />
            <Select
              value={draft.kind}
              onChange={(k: Day["kind"]) => setDraft((x) => ({ ...x, kind: k }))}
              options={kinds.map((k) => ({ value: k, label: t(`holidayKinds.${k}`) }))}
              style={{ width: 160 }}
            />
            <Button icon={<PlusOutlined />} onClick={add}>
              {t("holidays.add")}
            </Button>
          </Space>
          {dirty && (
            <Space wrap>
              <Input
                placeholder={t("holidays.reason")}
                value={reason}
                maxLength={limits.noteMax}
                onChange={(e) => setReason(e.target.value)}
                style={{ width: 360 }}
              />
              <Button type="primary" disabled={!reason.trim()} loading={replace.isPending} onClick={save}>
                {t("holidays.save")}
              </Button>
            </Space>
          )}
        </Space>
      )}
    </>
  );
}
