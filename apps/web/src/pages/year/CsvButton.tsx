import { DownloadOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { t } from "../../i18n/index.ts";
import { saveBlob } from "../../lib/chartPng.ts";
import { type CsvCell, toCsv } from "../../lib/csv.ts";

/** "Xuất CSV": the rows on screen as a CSV file Excel opens with Vietnamese letters intact. */
export function CsvButton({
  filename,
  header,
  rows,
}: {
  filename: string;
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}) {
  return (
    <Button
      icon={<DownloadOutlined />}
      disabled={rows.length === 0}
      onClick={() => saveBlob(new Blob([toCsv(header, rows)], { type: "text/csv;charset=utf-8" }), filename)}
    >
      {t("yearList.exportCsv")}
    </Button>
  );
}
