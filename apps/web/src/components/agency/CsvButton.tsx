import { FileExcelOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { t } from "../../i18n/index.ts";
import { saveBlob } from "../../lib/chartPng.ts";
import { type CsvCell, toCsv } from "../../lib/csv.ts";

/** "Xuất Excel" for a list already on screen: the rows as filtered, as CSV that Excel opens. */
export function CsvButton({
  filename,
  header,
  rows,
  disabled,
}: {
  /** Without the extension. */
  filename: string;
  header: readonly string[];
  rows: () => readonly (readonly CsvCell[])[];
  disabled?: boolean;
}) {
  return (
    <Button
      icon={<FileExcelOutlined />}
      disabled={disabled}
      onClick={() => saveBlob(new Blob([toCsv(header, rows())], { type: "text/csv;charset=utf-8" }), `${filename}.csv`)}
    >
      {t("agency.exportCsv")}
    </Button>
  );
}
