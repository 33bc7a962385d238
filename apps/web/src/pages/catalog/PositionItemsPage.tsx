import type { CatalogItem } from "@thuocdo/contract";
import { Alert, App, Button, Card, Empty, Select, Transfer, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { errorMessage } from "../../api/errors.ts";
import { useAllCatalogItems, usePositionItems, useSavePositionItems } from "../../api/queries/catalog.ts";
import { usePositions } from "../../api/queries/org.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { AgencySelect } from "../../components/UnitPickers.tsx";
import { fold, t } from "../../i18n/index.ts";
import { formatCoefficient, useCatalogErrorHandler } from "./shared.tsx";

export function PositionItemsPage() {
  return (
    <RequireRole roles={["hr"]}>
      <PositionItems />
    </RequireRole>
  );
}

const label = (i: CatalogItem) =>
  `${i.code} — ${i.task} (${i.complexityGroup}, ${t("catalog.coefficientShort")} ${formatCoefficient(i.coefficient)})`;

/** Which products a position normally makes: picked from the catalog in force, saved by item code. */
function PositionItems() {
  const [params, setParams] = useSearchParams();
  const agencyId = params.get("coQuan") ?? undefined;
  const positionId = params.get("viTri") ?? undefined;
  const positions = usePositions(agencyId, { enabled: !!agencyId });
  const mapping = usePositionItems(positionId);
  const items = useAllCatalogItems(mapping.data?.catalogId ?? undefined);
  const save = useSavePositionItems();
  const onError = useCatalogErrorHandler();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => setChosen(mapping.data?.codes ?? []), [mapping.data]);
  const dataSource = useMemo(
    () => (items.data ?? []).map((i) => ({ key: i.code, title: label(i), search: fold(label(i)) })),
    [items.data],
  );

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("positionItems.title")}
      </Typography.Title>
      <Card>
        <div className="toolbar">
          <AgencySelect
            value={agencyId}
            onChange={(v) => setParams(v ? { coQuan: v } : {}, { replace: true })}
            style={{ minWidth: 260, flex: "1 1 260px" }}
          />
          <Select
            style={{ minWidth: 320, flex: "1 1 320px" }}
            placeholder={t("positionItems.pickPosition")}
            aria-label={t("positionItems.pickPosition")}
            disabled={!agencyId}
            value={positionId}
            loading={positions.isFetching}
            onChange={(v) => setParams({ coQuan: agencyId!, viTri: v }, { replace: true })}
            showSearch={{ filterOption: (input, o) => fold(String(o?.label ?? "")).includes(fold(input)) }}
            options={(positions.data ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))}
          />
        </div>
        {!positionId ? (
          <Empty description={t("positionItems.pickHint")} />
        ) : mapping.isError ? (
          <Alert type="error" showIcon title={errorMessage(mapping.error)} />
        ) : mapping.data && !mapping.data.catalogId ? (
          <Alert type="warning" showIcon title={t("positionItems.noCatalog")} />
        ) : (
          <>
            <Transfer
              dataSource={dataSource}
              targetKeys={chosen}
              onChange={(keys) => setChosen(keys.map(String))}
              render={(i) => i.title}
              titles={[t("positionItems.catalog"), t("positionItems.chosen")]}
              showSearch={{ placeholder: t("positionItems.search") }}
              filterOption={(input, i) => i.search.includes(fold(input))}
              listStyle={{ width: "100%", height: 460 }}
              style={{ marginBottom: 16 }}
              pagination
            />
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { positionId, codes: chosen },
                  { onSuccess: (r) => message.success(t("positionItems.saved", { count: r.codes.length })), onError },
                )
              }
            >
              {t("common.save")}
            </Button>
          </>
        )}
      </Card>
    </>
  );
}
