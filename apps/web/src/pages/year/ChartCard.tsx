import { FileImageOutlined } from "@ant-design/icons";
import { App, Button, Card, Skeleton } from "antd";
import { type ReactNode, Suspense, useRef, useState } from "react";
import { t } from "../../i18n/index.ts";
import { saveSvgAsPng } from "../../lib/chartPng.ts";

/**
 * A dashboard chart: a card with the chart (a lazy recharts module, so the library loads only with
 * the first chart) and an "export PNG" button that rasterises the drawn SVG in the browser.
 */
export function ChartCard({
  title,
  filename,
  children,
  extra,
}: {
  title: string;
  /** Without the extension; ".png" is added. */
  filename: string;
  children: ReactNode;
  extra?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const onSave = () => {
    setSaving(true);
    saveSvgAsPng(ref.current, `${filename}.png`)
      .catch(() => message.error(t("charts.pngFailed")))
      .finally(() => setSaving(false));
  };
  return (
    <Card
      title={title}
      style={{ height: "100%" }}
      extra={
        <>
          {extra}
          <Button
            size="small"
            icon={<FileImageOutlined />}
            onClick={onSave}
            loading={saving}
            aria-label={t("charts.exportPngOf", { title })}
          >
            {t("charts.exportPng")}
          </Button>
        </>
      }
    >
      <div ref={ref}>
        <Suspense fallback={<Skeleton active />}>{children}</Suspense>
      </div>
    </Card>
  );
}
