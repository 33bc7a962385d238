import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { type BoardRow, type CatalogItem, limits, type Period } from "@thuocdo/contract";
import { Rational } from "@thuocdo/core";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { usePositions } from "../../api/queries/org.ts";
import { useCatalogItems, useCreateAssignments, useCreateTeamAssignment } from "../../api/queries/work.ts";
import { ScoreValue } from "../../components/ScoreValue.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { fold, t } from "../../i18n/index.ts";
import { optionalText, requiredSelect } from "../../lib/rules.ts";
import { formatQuantity, formatScore } from "../../lib/score.ts";
import { useDebounced } from "../../lib/useDebounced.ts";
import { pickerFormat, toIsoDate } from "../../lib/workDates.ts";

type Mode = "people" | "position" | "unit" | "team";
type Source = "planned" | "adhoc" | "taken_over";

interface AssignForm {
  catalogItemId: string;
  quantity: number;
  deadline?: Dayjs | null;
  source: Source;
  note?: string;
  personIds?: string[];
  positionId?: string;
  shares?: { personId?: string; quantity?: number }[];
}

/** quantity × coefficient, exactly (the coefficient as the API shows it). */
function converted(quantity: number | undefined, coefficient: number | undefined): Rational {
  if (!quantity || !coefficient || !Number.isFinite(quantity)) return Rational.ZERO;
  return Rational.from(quantity).mul(Rational.from(coefficient));
}

/** How a person's load compares with the division's median: −40 % … +35 %. */
export function loadVsMedian(load: number, median: number): number | null {
  if (median <= 0) return null;
  return (load - median) / median;
}

export function LoadTag({ load, median }: { load: number; median: number }) {
  const diff = loadVsMedian(load, median);
  if (diff === null) return null;
  const pct = Math.round(diff * 100);
  if (Math.abs(pct) <= 20) return <Tag color="green">{t("assign.nearMedian")}</Tag>;
  return (
    <Tag color={pct > 0 ? "orange" : "blue"}>
      {pct > 0 ? t("assign.aboveMedian", { pct }) : t("assign.belowMedian", { pct: -pct })}
    </Tag>
  );
}

/** The product picker: searches the catalog in force of the period (with or without diacritics). */
function ItemSelect({
  catalogId,
  value,
  onChange,
  onItem,
  id,
}: {
  catalogId: string | null;
  value?: string;
  onChange?: (v: string) => void;
  onItem: (item: CatalogItem | undefined) => void;
  id?: string;
}) {
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 300);
  const items = useCatalogItems(catalogId, { q: q || undefined, page: 1, pageSize: 30 });
  const list = items.data?.items ?? [];
  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string) => {
        onChange?.(v);
        onItem(list.find((i) => i.id === v));
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={items.isFetching}
      placeholder={t("assign.itemPlaceholder")}
      notFoundContent={catalogId ? t("assign.noItem") : t("assign.noCatalog")}
      options={list.map((i) => ({
        value: i.id,
        label: `${i.code} — ${i.task} (${t("assign.coefficientShort", { k: formatQuantity(i.coefficient) })})`,
      }))}
      popupMatchSelectWidth={false}
      style={{ width: "100%" }}
    />
  );
}

interface LoadRow {
  personId: string;
  name: string;
  before: number;
  added: number;
}

/**
 * Assign a catalog product (Art. 18.1): to named people, to everyone in a position or in the
 * division, or as a team product split into shares whose converted total equals the product.
 * Ad-hoc and taken-over work adds credits outside A. Each person's load is shown against the
 * division's median, so the assignment stays commensurate with the job position.
 */
export function AssignDrawer({
  period,
  rows,
  unitId,
  unitName,
  median,
  presetPersonIds,
  onClose,
}: {
  period: Period;
  rows: readonly BoardRow[];
  unitId: string;
  unitName: string;
  median: number;
  presetPersonIds?: string[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<AssignForm>();
  const [mode, setMode] = useState<Mode>("people");
  const [item, setItem] = useState<CatalogItem | undefined>();
  const create = useCreateAssignments();
  const createTeam = useCreateTeamAssignment();
  const positions = usePositions(period.agencyId);
  const onError = useErrorHandler(form);
  const { message } = App.useApp();

  const quantity = Form.useWatch("quantity", form);
  const source = Form.useWatch("source", form) ?? "planned";
  const personIds = Form.useWatch("personIds", form);
  const shares = Form.useWatch("shares", form);
  const positionId = Form.useWatch("positionId", form);
  const coefficient = item?.coefficient;

  const byId = useMemo(() => new Map(rows.map((r) => [r.personId, r])), [rows]);
  const positionName = positions.data?.find((p) => p.id === positionId)?.name;
  const countsInA = source === "planned";

  const shareTotal = Rational.sum((shares ?? []).map((s) => converted(s?.quantity, coefficient)));
  const productTotal = converted(quantity, coefficient);
  const sharesBalanced = shareTotal.eq(productTotal);

  const loadRows: LoadRow[] = useMemo(() => {
    const pick = (id: string, added: Rational): LoadRow | null => {
      const r = byId.get(id);
      return r
        ? { personId: id, name: r.personName, before: r.assignedConverted, added: countsInA ? added.toNumber() : 0 }
        : null;
    };
    const each = converted(quantity, coefficient);
    let list: (LoadRow | null)[] = [];
    if (mode === "people") list = (personIds ?? []).map((id) => pick(id, each));
    if (mode === "unit") list = rows.map((r) => pick(r.personId, each));
    if (mode === "position")
      list = rows.filter((r) => positionName && r.positionName === positionName).map((r) => pick(r.personId, each));
    if (mode === "team")
      list = (shares ?? []).flatMap((s) => (s?.personId ? [pick(s.personId, converted(s.quantity, coefficient))] : []));
    return list.filter((x): x is LoadRow => x !== null);
  }, [mode, personIds, shares, rows, byId, quantity, coefficient, countsInA, positionName]);

  const done = (count: number) => {
    message.success(t("assign.done", { count }));
    onClose();
  };

  const submit = (v: AssignForm) => {
    const line = {
      catalogItemId: v.catalogItemId,
      deadline: v.deadline ? toIsoDate(v.deadline) : null,
      source: v.source,
      note: v.note || null,
    };
    if (mode === "team") {
      if (!sharesBalanced) return;
      createTeam.mutate(
        {
          id: period.id,
          body: {
            ...line,
            quantity: v.quantity,
            shares: (v.shares ?? []).map((s) => ({ personId: s.personId ?? "", quantity: s.quantity ?? 0 })),
          },
        },
        { onSuccess: (r) => done(r.items.length), onError },
      );
      return;
    }
    const target =
      mode === "people"
        ? { kind: "people" as const, personIds: v.personIds ?? [] }
        : mode === "position"
          ? { kind: "position" as const, positionId: v.positionId ?? "", unitId }
          : { kind: "unit" as const, unitId };
    create.mutate(
      { id: period.id, body: { ...line, quantity: v.quantity, target } },
      { onSuccess: (r) => done(r.items.length), onError },
    );
  };

  const people = rows.map((r) => ({ value: r.personId, label: r.personName }));
  const personFilter = (input: string, o?: { label?: string }) => fold(o?.label ?? "").includes(fold(input));

  return (
    <Drawer
      open
      title={t("assign.title", { label: period.label })}
      onClose={onClose}
      size={720}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={create.isPending || createTeam.isPending}>
            {t("assign.submit")}
          </Button>
        </Space>
      }
    >
      {!period.catalogId && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("assign.noCatalog")} />
      )}
      <Segmented<Mode>
        block
        value={mode}
        onChange={setMode}
        style={{ marginBottom: 16 }}
        options={[
          { value: "people", label: t("assign.modePeople") },
          { value: "position", label: t("assign.modePosition") },
          { value: "unit", label: t("assign.modeUnit") },
          { value: "team", label: t("assign.modeTeam") },
        ]}
      />
      <Form<AssignForm>
        form={form}
        layout="vertical"
        name="assign"
        onFinish={submit}
        initialValues={{ source: "planned", quantity: 1, personIds: presetPersonIds ?? [], shares: [{}, {}] }}
      >
        <Form.Item label={t("work.product")} name="catalogItemId" rules={requiredSelect(t("work.product"))}>
          <ItemSelect catalogId={period.catalogId} onItem={setItem} />
        </Form.Item>
        {item && (
          <Typography.Paragraph type="secondary">
            {t("assign.itemInfo", {
              output: item.output,
              group: item.complexityGroup,
              k: formatQuantity(item.coefficient),
            })}
          </Typography.Paragraph>
        )}
        <Space wrap align="start">
          <Form.Item
            label={mode === "team" ? t("assign.teamQuantity") : t("assign.quantity")}
            name="quantity"
            rules={[{ required: true, type: "number", min: 0.0001, message: t("assign.quantityRequired") }]}
          >
            <InputNumber min={0} precision={4} decimalSeparator="," style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label={t("work.deadline")} name="deadline">
            <DatePicker format={pickerFormat} />
          </Form.Item>
        </Space>
        {coefficient !== undefined && (
          <Typography.Paragraph>
            {t("assign.convertedEach", { value: formatScore(productTotal.toNumber()) })}
          </Typography.Paragraph>
        )}
        <Form.Item
          label={t("assign.source")}
          name="source"
          extra={countsInA ? t("assign.sourcePlannedHint") : t("assign.sourceExtraHint")}
        >
          <Radio.Group
            options={(["planned", "adhoc", "taken_over"] as const).map((s) => ({ value: s, label: t(`sources.${s}`) }))}
          />
        </Form.Item>

        {mode === "people" && (
          <Form.Item label={t("assign.people")} name="personIds" rules={requiredSelect(t("assign.people"))}>
            <Select
              mode="multiple"
              options={people}
              showSearch={{ filterOption: personFilter }}
              placeholder={t("assign.peoplePlaceholder")}
            />
          </Form.Item>
        )}
        {mode === "position" && (
          <Form.Item
            label={t("assign.position")}
            name="positionId"
            rules={requiredSelect(t("assign.position"))}
            extra={t("assign.positionHint", { unit: unitName })}
          >
            <Select
              loading={positions.isPending}
              options={(positions.data ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))}
              showSearch={{ filterOption: personFilter }}
            />
          </Form.Item>
        )}
        {mode === "unit" && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t("assign.unitHint", { unit: unitName, n: rows.length })}
          />
        )}
        {mode === "team" && (
          <Form.List name="shares">
            {(fields, { add, remove }) => (
              <div className="team-shares">
                <Typography.Paragraph strong>{t("assign.shares")}</Typography.Paragraph>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap style={{ display: "flex" }}>
                    <Form.Item name={[f.name, "personId"]} rules={requiredSelect(t("work.person"))}>
                      <Select
                        options={people}
                        style={{ width: 240 }}
                        showSearch={{ filterOption: personFilter }}
                        placeholder={t("work.person")}
                        aria-label={t("work.person")}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, "quantity"]}
                      rules={[{ required: true, type: "number", min: 0.0001, message: t("assign.quantityRequired") }]}
                    >
                      <InputNumber
                        min={0}
                        precision={4}
                        decimalSeparator=","
                        placeholder={t("assign.shareQuantity")}
                        aria-label={t("assign.shareQuantity")}
                      />
                    </Form.Item>
                    <span>= {formatScore(converted(shares?.[f.name]?.quantity, coefficient).toNumber())}</span>
                    {fields.length > 2 && (
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label={t("common.delete")}
                      />
                    )}
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 8 }}>
                  {t("assign.addShare")}
                </Button>
                <Alert
                  type={sharesBalanced ? "success" : "error"}
                  showIcon
                  style={{ marginBottom: 16 }}
                  data-testid="team-balance"
                  title={t(sharesBalanced ? "assign.sharesBalanced" : "assign.sharesUnbalanced", {
                    shares: formatScore(shareTotal.toNumber()),
                    product: formatScore(productTotal.toNumber()),
                  })}
                />
              </div>
            )}
          </Form.List>
        )}
        <Form.Item label={t("work.note")} name="note" rules={optionalText(t("work.note"), limits.noteMax)}>
          <Input.TextArea rows={2} maxLength={limits.noteMax} />
        </Form.Item>
      </Form>

      <Typography.Title level={5}>{t("assign.loadTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t("assign.loadIntro", { median: formatScore(median), unit: unitName })}
      </Typography.Paragraph>
      <Table<LoadRow>
        size="small"
        rowKey="personId"
        pagination={false}
        dataSource={loadRows}
        scroll={{ x: 520 }}
        locale={{ emptyText: t("assign.loadEmpty") }}
        columns={[
          { title: t("work.person"), dataIndex: "name" },
          { title: t("assign.loadBefore"), dataIndex: "before", render: (v: number) => <ScoreValue value={v} /> },
          { title: t("assign.loadAdded"), dataIndex: "added", render: (v: number) => <ScoreValue value={v} /> },
          {
            title: t("assign.loadAfter"),
            key: "after",
            render: (_, r) => {
              const after = Rational.from(r.before).add(Rational.from(r.added)).toNumber();
              return (
                <Space>
                  <ScoreValue value={after} />
                  <LoadTag load={after} median={median} />
                </Space>
              );
            },
          },
        ]}
      />
    </Drawer>
  );
}
