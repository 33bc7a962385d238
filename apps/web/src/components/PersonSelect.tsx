import { useQuery } from "@tanstack/react-query";
import { limits } from "@thuocdo/contract";
import { Select } from "antd";
import { useState } from "react";
import { call } from "../api/client.ts";
import { t } from "../i18n/index.ts";
import { useDebounced } from "../lib/useDebounced.ts";

interface PersonSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}

/** Search civil servants on the server (with or without diacritics) and pick one. */
export function PersonSelect({ value, onChange, id }: PersonSelectProps) {
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 300);
  const found = useQuery({
    queryKey: ["people", "pick", q],
    queryFn: ({ signal }) => call("listPeople", { query: { q: q || undefined, page: 1, pageSize: 20 }, signal }),
  });
  // Keep the current choice visible even when it is not in the current search results.
  const current = useQuery({
    queryKey: ["person", value],
    queryFn: ({ signal }) => call("getPerson", { params: { id: value ?? "" }, signal }),
    enabled: !!value,
  });
  const options = (found.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} — ${p.unitName}` }));
  if (current.data && !options.some((o) => o.value === current.data.id))
    options.unshift({ value: current.data.id, label: `${current.data.fullName} — ${current.data.unitName}` });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={found.isFetching}
      options={options}
      placeholder={t("admin.personPlaceholder")}
      maxLength={limits.nameMax}
    />
  );
}
