import { PlusOutlined } from "@ant-design/icons";
import { limits, type Transfer } from "@thuocdo/contract";
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Table } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { useCreateTransfer, useTransfers } from "../../api/queries/year.ts";
import { PersonSelect } from "../../components/PersonSelect.tsx";
import { UnitTreeSelect } from "../../components/UnitPickers.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { formatDate, t } from "../../i18n/index.ts";
import { CsvButton } from "./CsvButton.tsx";
import { FileField, FileLink } from "./FileField.tsx";

interface Values {
  personId: string;
  toUnitId: string;
  effectiveOn: Dayjs;
  documentNumber?: string;
  documentDate?: Dayjs;
  documentFileId?: string | null;
  note?: string;
}

function TransferDrawer({ agencyId, onClose }: { agencyId: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const onError = useErrorHandler(form);
  const create = useCreateTransfer();
  const { message } = App.useApp();
  return (
    <Drawer
      open
      size={520}
      title={t("transfers.add")}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
          {t("common.save")}
        </Button>
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t("transfers.help")} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          create.mutate(
            {
              personId: v.personId,
              toUnitId: v.toUnitId,
              effectiveOn: v.effectiveOn.format("YYYY-MM-DD"),
              documentNumber: v.documentNumber,
              documentDate: v.documentDate?.format("YYYY-MM-DD") ?? null,
              documentFileId: v.documentFileId ?? null,
              note: v.note,
            },
            {
              onSuccess: () => {
                message.success(t("transfers.saved"));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item
          name="personId"
          label={t("records.person")}
          rules={[{ required: true, message: t("records.personRequired") }]}
        >
          <PersonSelect />
        </Form.Item>
        <Form.Item
          name="toUnitId"
          label={t("transfers.toUnit")}
          rules={[{ required: true, message: t("workflow.unitRequired") }]}
        >
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item
          name="effectiveOn"
          label={t("records.effectiveOn")}
          rules={[{ required: true, message: t("yearForms.dateRequired") }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="documentNumber" label={t("yearForms.documentNumber")}>
          <Input maxLength={limits.codeMax} />
        </Form.Item>
        <Form.Item name="documentDate" label={t("yearForms.documentDate")}>
          <DatePicker format="DD/MM/YYYY" />
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

/** Transfers into and out of the agency (Art. 19.1): the new agency classifies with the old one's months. */
export function TransfersTab({ agencyId, year, canEdit }: { agencyId: string; year: number; canEdit: boolean }) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const transfers = useTransfers({ agencyId, year, ...page });
  const [adding, setAdding] = useState(false);
  return (
    <>
      <div className="toolbar">
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t("transfers.add")}
          </Button>
        )}
        <CsvButton
          filename={`chuyen-cong-tac-${year}.csv`}
          header={[
            t("records.person"),
            t("transfers.from"),
            t("transfers.to"),
            t("records.effectiveOn"),
            t("yearForms.documentNumber"),
          ]}
          rows={(transfers.data?.items ?? []).map((r) => [
            r.personName,
            `${r.fromUnitName} (${r.fromAgencyName})`,
            `${r.toUnitName} (${r.toAgencyName})`,
            formatDate(r.effectiveOn),
            r.documentNumber,
          ])}
        />
      </div>
      {transfers.isError && <Alert type="error" showIcon title={errorMessage(transfers.error)} />}
      <Table<Transfer>
        rowKey="id"
        size="middle"
        loading={transfers.isFetching}
        dataSource={transfers.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: t("transfers.empty") }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: transfers.data?.total ?? 0,
          showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          {
            title: t("records.person"),
            dataIndex: "personName",
            sorter: (a, b) => a.personName.localeCompare(b.personName, "vi"),
          },
          { title: t("transfers.from"), key: "from", render: (_, r) => `${r.fromUnitName} (${r.fromAgencyName})` },
          { title: t("transfers.to"), key: "to", render: (_, r) => `${r.toUnitName} (${r.toAgencyName})` },
          {
            title: t("records.effectiveOn"),
            dataIndex: "effectiveOn",
            sorter: (a, b) => a.effectiveOn.localeCompare(b.effectiveOn),
            render: (d: string) => formatDate(d),
          },
          {
            title: t("records.document"),
            key: "doc",
            render: (_, r) =>
              r.documentNumber ? (
                <>
                  {t("reasons.byDocument", { number: r.documentNumber, date: formatDate(r.documentDate) })}{" "}
                  <FileLink file={r.documentFile} />
                </>
              ) : null,
          },
        ]}
      />
      {adding && <TransferDrawer agencyId={agencyId} onClose={() => setAdding(false)} />}
    </>
  );
}
