import type { OrgUnit } from "@thuocdo/contract";
import { Select, TreeSelect } from "antd";
import { useMemo } from "react";
import { useUnits } from "../api/queries/org.ts";
import { fold, t } from "../i18n/index.ts";
import { isAgency, type UnitNode, unitPath } from "../lib/tree.ts";

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children: TreeOption[];
}

function toOptions(nodes: UnitNode[], selectable: (u: OrgUnit) => boolean): TreeOption[] {
  return nodes.map((n) => ({
    value: n.unit.id,
    title: n.unit.name,
    disabled: !selectable(n.unit),
    children: toOptions(n.children, selectable),
  }));
}

interface UnitTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  selectable?: (u: OrgUnit) => boolean;
  id?: string;
  style?: React.CSSProperties;
  "aria-label"?: string;
}

/** Pick an org unit from the user's scope; search ignores diacritics ("nguyet an" finds "Nguyệt An"). */
export function UnitTreeSelect({ value, onChange, placeholder, allowClear, selectable, ...rest }: UnitTreeSelectProps) {
  const { tree, isPending } = useUnits();
  const treeData = useMemo(() => toOptions(tree, selectable ?? (() => true)), [tree, selectable]);
  return (
    <TreeSelect
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      loading={isPending}
      placeholder={placeholder ?? t("common.selectUnit")}
      allowClear={allowClear}
      showSearch={{ filterTreeNode: (input, node) => fold(String(node.title ?? "")).includes(fold(input)) }}
      treeDefaultExpandAll
      styles={{ popup: { root: { maxHeight: 420, overflow: "auto" } } }}
    />
  );
}

interface AgencySelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  style?: React.CSSProperties;
}

/** Pick an agency (province, department, commune) — the level that owns positions and classifies people. */
export function AgencySelect({ value, onChange, ...rest }: AgencySelectProps) {
  const { units, byId, isPending } = useUnits();
  const options = useMemo(
    () =>
      units
        .filter((u) => isAgency(u.kind))
        .map((u) => ({ value: u.id, label: u.name, path: unitPath(u.id, byId).join(" › ") }))
        .sort((a, b) => a.path.localeCompare(b.path, "vi")),
    [units, byId],
  );
  return (
    <Select
      {...rest}
      value={value}
      onChange={onChange}
      loading={isPending}
      placeholder={t("common.selectAgency")}
      options={options}
      showSearch={{ filterOption: (input, option) => fold(option?.path ?? "").includes(fold(input)) }}
      optionRender={(o) => <span title={o.data.path}>{o.data.label}</span>}
      aria-label={t("common.selectAgency")}
    />
  );
}
