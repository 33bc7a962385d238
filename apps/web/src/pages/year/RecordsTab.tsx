import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { limits, type PersonRecord, personRecordKinds } from "@thuocdo/contract";
import { disciplineForms } from "@thuocdo/core";
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { useCreateRecord, useDeleteRecord, useRecords } from "../../api/queries/year.ts";
import { PersonSelect } from "../../components/PersonSelect.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { formatDate, t } from "../../i18n/index.ts";
import { CsvButton } from "./CsvButton.tsx";
import { FileField, FileLink } from "./FileField.tsx";

type Kind = PersonRecord["kind"];
interface Values {
  personId: string;
  kind: Kind;
  form?: PersonRecord["form"];
  publicDuty: boolean;
  effectiveOn: Dayjs;
  countsInYear?: number;
  countsInYearReason?: string;
  documentNumber: string;
  documentDate: Dayjs;
  documentFileId?: string | null;
  issuer?: string;
  note?: string;
}

function RecordDrawer({ agencyId, year, onClose }: { agencyId: string; year: number; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const onError = useErrorHandler(form);
  const create = useCreateRecord();
  const { message } = App.useApp();
  const kind = Form.useWatch("kind", form);
  const effective = Form.useWatch("effectiveOn", form);
  const counts = Form.useWatch("countsInYear", form);
  const differentYear = !!effective && !!counts && counts !== effective.year();
  const onFinish = (v: Values) =>
    create.mutate(
      {
        personId: v.personId,
        kind: v.kind,
        form: v.kind === "discipline" ? (v.form ?? null) : null,
        publicDuty: v.kind === "discipline" ? v.publicDuty : true,
        effectiveOn: v.effectiveOn.format("YYYY-MM-DD"),
        countsInYear: v.countsInYear,
        countsInYearReason: v.countsInYearReason,
        documentNumber: v.documentNumber,
        documentDate: v.documentDate.format("YYYY-MM-DD"),
        documentFileId: v.documentFileId ?? null,
        issuer: v.issuer,
        note: v.note,
      },
      {
        onSuccess: () => {
          message.success(t("records.saved"));
          onClose();
        },
        onError,
      },
    );
  return (
    <Drawer
      open
      size={560}
      title={t("records.add")}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button type="primary" onClick={() => form.submit()} loading={create.isPending}>
          {t("common.save")}
        </Button>
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t("records.help")} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ kind: "discipline", publicDuty: true }}
      >
        <Form.Item
          name="personId"
          label={t("records.person")}
          rules={[{ required: true, message: t("records.personRequired") }]}
        >
          <PersonSelect />
        </Form.Item>
        <Form.Item name="kind" label={t("records.kind")} rules={[{ required: true }]}>
          <Select options={personRecordKinds.map((k) => ({ value: k, label: t(`recordKinds.${k}`) }))} />
        </Form.Item>
        {kind === "discipline" && (
          <>
            <Form.Item
              name="form"
              label={t("records.form")}
              rules={[{ required: true, message: t("records.formRequired") }]}
            >
              <Select options={disciplineForms.map((f) => ({ value: f, label: t(`disciplineForms.${f}`) }))} />
            </Form.Item>
            <Form.Item name="publicDuty" valuePropName="checked" extra={t("records.publicDutyHelp")}>
              <Checkbox>{t("records.publicDuty")}</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item
          name="effectiveOn"
          label={t("records.effectiveOn")}
          rules={[{ required: true, message: t("yearForms.dateRequired") }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="countsInYear" label={t("records.countsInYear")} extra={t("records.countsInYearHelp")}>
          <InputNumber min={2000} max={2100} placeholder={String(effective?.year() ?? year)} />
        </Form.Item>
        {differentYear && (
          <Form.Item
            name="countsInYearReason"
            label={t("records.countsInYearReason")}
            rules={[{ required: true, whitespace: true, message: t("records.countsInYearReasonRequired") }]}
          >
            <Input.TextArea rows={2} maxLength={limits.noteMax} />
          </Form.Item>
        )}
        <Form.Item
          name="documentNumber"
          label={t("yearForms.documentNumber")}
          rules={[{ required: true, whitespace: true, message: t("yearForms.documentNumberRequired") }]}
        >
          <Input maxLength={limits.codeMax} />
        </Form.Item>
        <Form.Item
          name="documentDate"
          label={t("yearForms.documentDate")}
          rules={[{ required: true, message: t("yearForms.dateRequired") }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="issuer" label={t("records.issuer")}>
          <Input maxLength={limits.nameMax} />
        </Form.Item>
        <Form.Item name="documentFileId" label={t("yearForms.file")}>
          <FileField unitId={agencyId} />
        </Form.Item>
        <Form.Item name="note" label={t("work.note")}>
          <Input.TextArea rows={2} maxLength={limits.noteMax} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** Discipline, degradation conclusions and corruption cases that force not completed (Art. 11.3, 20.4). */
export function RecordsTab({ agencyId, year, canEdit }: { agencyId: string; year: number; canEdit: boolean }) {
  const [kind, setKind] = useState<Kind | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [sort, setSort] = useState<{ sort?: "effectiveOn" | "personName" | "kind"; order?: "asc" | "desc" }>({});
  const records = useRecords({ agencyId, year, kind, ...sort, ...page });
  const remove = useDeleteRecord();
  const { message, modal } = App.useApp();
  const [adding, setAdding] = useState(false);

  const onDelete = (r: PersonRecord) => {
    let reason = "";
    modal.confirm({
      title: t("records.deleteTitle", { name: r.personName }),
      content: (
        <Input.TextArea rows={2} placeholder={t("records.deleteReason")} onChange={(e) => (reason = e.target.value)} />
      ),
      okText: t("common.delete"),
      okButtonProps: { danger: true },
      cancelText: t("common.cancel"),
      onOk: () =>
        remove.mutateAsync({ id: r.id, body: { version: r.version, reason: reason.trim() } }).then(
          () => message.success(t("common.deleted")),
          (e) => message.error(errorMessage(e)),
        ),
    });
  };

  return (
    <>
      <div className="toolbar">
        <Select
          allowClear
          placeholder={t("records.allKinds")}
          aria-label={t("records.kind")}
          style={{ minWidth: 220 }}
          value={kind}
          onChange={(v: Kind | undefined) => {
            setKind(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={personRecordKinds.map((k) => ({ value: k, label: t(`recordKinds.${k}`) }))}
        />
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t("records.add")}
          </Button>
        )}
        <CsvButton
          filename={`ky-luat-${year}.csv`}
          header={[
            t("records.person"),
            t("records.kind"),
            t("records.form"),
            t("records.effectiveOn"),
            t("records.countsInYear"),
            t("yearForms.documentNumber"),
            t("yearForms.documentDate"),
            t("records.issuer"),
          ]}
          rows={(records.data?.items ?? []).map((r) => [
            r.personName,
            t(`recordKinds.${r.kind}`),
            r.form ? t(`disciplineForms.${r.form}`) : null,
            formatDate(r.effectiveOn),
            r.countsInYear,
            r.documentNumber,
            formatDate(r.documentDate),
            r.issuer,
          ])}
        />
      </div>
      {records.isError && <Alert type="error" showIcon title={errorMessage(records.error)} />}
      <Table<PersonRecord>
        rowKey="id"
        size="middle"
        loading={records.isFetching}
        dataSource={records.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: t("records.empty") }}
        onChange={(_, __, sorter, extra) => {
          if (extra.action !== "sort") return;
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setSort(
            s?.order
              ? {
                  sort: s.columnKey as "effectiveOn" | "personName" | "kind",
                  order: s.order === "descend" ? "desc" : "asc",
                }
              : {},
          );
        }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: records.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t("records.person"), key: "personName", dataIndex: "personName", sorter: true },
          {
            title: t("records.kind"),
            key: "kind",
            sorter: true,
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag color="red">{t(`recordKinds.${r.kind}`)}</Tag>
                {r.form && t(`disciplineForms.${r.form}`)}
                {!r.publicDuty && <Tag>{t("records.notPublicDuty")}</Tag>}
              </Space>
            ),
          },
          {
            title: t("records.effectiveOn"),
            key: "effectiveOn",
            dataIndex: "effectiveOn",
            sorter: true,
            render: (d: string) => formatDate(d),
          },
          {
            title: t("records.countsInYear"),
            key: "countsInYear",
            render: (_, r) => (
              <span title={r.countsInYearReason ?? undefined}>
                {r.countsInYear}
                {r.countsInYearReason && " *"}
              </span>
            ),
          },
          {
            title: t("records.document"),
            key: "doc",
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {t("reasons.byDocument", { number: r.documentNumber, date: formatDate(r.documentDate) })}
                <FileLink file={r.documentFile} />
              </Space>
            ),
          },
          { title: t("records.issuer"), dataIndex: "issuer", responsive: ["lg"] },
          ...(canEdit
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  width: 80,
                  render: (_: unknown, r: PersonRecord) => (
                    <Button
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t("common.delete")}
                      onClick={() => onDelete(r)}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <RecordDrawer agencyId={agencyId} year={year} onClose={() => setAdding(false)} />}
    </>
  );
}
