import { type Catalog, catalogLimits, limits } from "@thuocdo/contract";
import { App, DatePicker, Form, Input, InputNumber, Modal } from "antd";
import type { Dayjs } from "dayjs";
import { useCreateCatalog } from "../../api/queries/catalog.ts";
import { t } from "../../i18n/index.ts";
import { requiredText } from "../../lib/rules.ts";
import { useCatalogErrorHandler } from "./shared.tsx";

interface DraftForm {
  name: string;
  standardUnitName: string;
  standardPoints: number;
  effectiveFrom?: Dayjs | null;
}

/** A new, empty draft: its name and standard unit (the product worth coefficient 1). */
export function CreateCatalogModal({ agencyId, onClose }: { agencyId: string; onClose: (created?: Catalog) => void }) {
  const [form] = Form.useForm<DraftForm>();
  const create = useCreateCatalog();
  const onError = useCatalogErrorHandler(form);
  const { message } = App.useApp();
  const submit = (v: DraftForm) =>
    create.mutate(
      { agencyId, ...v, effectiveFrom: v.effectiveFrom ? v.effectiveFrom.format("YYYY-MM-DD") : null },
      {
        onSuccess: (c) => {
          message.success(t("common.saved"));
          onClose(c);
        },
        onError,
      },
    );
  return (
    <Modal
      open
      title={t("catalog.createDraft")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<DraftForm>
        form={form}
        layout="vertical"
        name="catalog-draft"
        onFinish={submit}
        initialValues={{ name: t("catalog.defaultName"), standardPoints: 5 }}
      >
        <Form.Item label={t("catalog.name")} name="name" rules={requiredText(t("catalog.name"))}>
          <Input maxLength={limits.nameMax} />
        </Form.Item>
        <Form.Item
          label={t("catalog.standardUnitName")}
          name="standardUnitName"
          rules={requiredText(t("catalog.standardUnitName"))}
          extra={t("catalog.standardUnitHelp")}
        >
          <Input maxLength={limits.nameMax} placeholder={t("catalog.standardUnitPlaceholder")} />
        </Form.Item>
        <Form.Item
          label={t("catalog.standardPoints")}
          name="standardPoints"
          rules={[
            { required: true, message: t("validation.required", { field: t("catalog.standardPoints").toLowerCase() }) },
          ]}
        >
          <InputNumber
            min={0.0001}
            max={catalogLimits.pointsMax}
            precision={4}
            decimalSeparator=","
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item label={t("catalog.effectiveFromLabel")} name="effectiveFrom">
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
