import {
  type Catalog,
  type CatalogItem,
  type CatalogSection,
  type ComplexityGroup,
  catalogLimits,
  catalogSections,
  complexityGroups,
  limits,
  type OrgUnit,
} from "@thuocdo/contract";
import { App, Form, Input, InputNumber, Modal, Select, Typography } from "antd";
import { useCreateCatalogItem, useUpdateCatalogItem } from "../../api/queries/catalog.ts";
import { t } from "../../i18n/index.ts";
import { optionalText, requiredSelect, requiredText } from "../../lib/rules.ts";
import { formGrid, previewCoefficient, useCatalogErrorHandler } from "./shared.tsx";

interface ItemForm {
  section: CatalogSection;
  divisionUnitId?: string | null;
  code: string;
  task: string;
  detail?: string | null;
  output: string;
  complexityGroup: ComplexityGroup;
  pointBand?: string | null;
  points: number;
  unitQuantity?: number;
  note?: string | null;
}

/** Add or edit one product of a draft. The coefficient is shown as it will be computed, never typed. */
export function CatalogItemModal({
  catalog,
  item,
  divisions,
  onClose,
}: {
  catalog: Catalog;
  item: CatalogItem | null;
  divisions: OrgUnit[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<ItemForm>();
  const create = useCreateCatalogItem();
  const update = useUpdateCatalogItem();
  const onError = useCatalogErrorHandler(form);
  const { message } = App.useApp();
  const points = Form.useWatch("points", form);
  const section = Form.useWatch("section", form);
  const done = () => {
    message.success(t("common.saved"));
    onClose();
  };
  const submit = (v: ItemForm) => {
    const body = { ...v, divisionUnitId: v.section === "division" ? (v.divisionUnitId ?? null) : null };
    if (item) update.mutate({ id: catalog.id, itemId: item.id, body }, { onSuccess: done, onError });
    else create.mutate({ id: catalog.id, body }, { onSuccess: done, onError });
  };
  return (
    <Modal
      open
      width={720}
      title={item ? t("catalog.editItem") : t("catalog.addItem")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<ItemForm>
        form={form}
        layout="vertical"
        name="catalog-item"
        onFinish={submit}
        initialValues={item ?? { section: "shared", unitQuantity: 1 }}
      >
        <div style={formGrid}>
          <Form.Item label={t("catalog.code")} name="code" rules={requiredText(t("catalog.code"), limits.codeMax)}>
            <Input maxLength={limits.codeMax} placeholder="DC.01" />
          </Form.Item>
          <Form.Item label={t("catalog.section")} name="section" rules={requiredSelect(t("catalog.section"))}>
            <Select options={catalogSections.map((s) => ({ value: s, label: t(`catalogSections.${s}`) }))} />
          </Form.Item>
        </div>
        {section === "division" && (
          <Form.Item label={t("catalog.division")} name="divisionUnitId">
            <Select allowClear options={divisions.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        <Form.Item label={t("catalog.task")} name="task" rules={requiredText(t("catalog.task"), catalogLimits.textMax)}>
          <Input.TextArea autoSize maxLength={catalogLimits.textMax} />
        </Form.Item>
        <Form.Item
          label={t("catalog.detail")}
          name="detail"
          rules={optionalText(t("catalog.detail"), catalogLimits.textMax)}
        >
          <Input.TextArea autoSize maxLength={catalogLimits.textMax} />
        </Form.Item>
        <Form.Item
          label={t("catalog.output")}
          name="output"
          rules={requiredText(t("catalog.output"), catalogLimits.textMax)}
        >
          <Input maxLength={catalogLimits.textMax} />
        </Form.Item>
        <div style={formGrid}>
          <Form.Item label={t("catalog.group")} name="complexityGroup" rules={requiredSelect(t("catalog.group"))}>
            <Select options={complexityGroups.map((g) => ({ value: g, label: g }))} />
          </Form.Item>
          <Form.Item
            label={t("catalog.pointBand")}
            name="pointBand"
            rules={optionalText(t("catalog.pointBand"), limits.codeMax)}
          >
            <Input placeholder="11-50" maxLength={limits.codeMax} />
          </Form.Item>
          <Form.Item
            label={t("catalog.points")}
            name="points"
            rules={[
              { required: true, message: t("validation.required", { field: t("catalog.points").toLowerCase() }) },
            ]}
          >
            <InputNumber
              min={0.0001}
              max={catalogLimits.pointsMax}
              precision={4}
              decimalSeparator=","
              style={{ width: "100%" }}
            />
          </Form.Item>
          <Form.Item label={t("catalog.unitQuantity")} name="unitQuantity">
            <InputNumber
              min={0.0001}
              max={catalogLimits.pointsMax}
              precision={4}
              decimalSeparator=","
              style={{ width: "100%" }}
            />
          </Form.Item>
        </div>
        <Typography.Paragraph>
          {t("catalog.coefficientPreview", {
            value: previewCoefficient(points, catalog.standardPoints),
            standard: catalog.standardPoints,
          })}
        </Typography.Paragraph>
        <Form.Item label={t("catalog.note")} name="note" rules={optionalText(t("catalog.note"), limits.noteMax)}>
          <Input.TextArea autoSize maxLength={limits.noteMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
