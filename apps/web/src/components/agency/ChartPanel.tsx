import { FileImageOutlined } from "@ant-design/icons";
import { App, Button, Card, Skeleton } from "antd";
import { type ReactNode, Suspense, useRef, useState } from "react";
import { t } from "../../i18n/index.ts";
import { saveSvgAsPng } from "../../lib/chartPng.ts";

/**
 * A chart card: the chart itself is a lazy module (recharts loads with the first chart only), and
 * "Tải ảnh PNG" rasterises the drawn SVG in the browser.
 */
export function ChartPanel({ title, filename, children }: { title: string; filename: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  return (
    <Card
      title={title}
      style={{ height: "100%" }}
      extra={
        <Button
          size="small"
          icon={<FileImageOutlined />}
          loading={saving}
          aria-label={t("agencyReports.pngOf", { title })}
          onClick={() => {
            setSaving(true);
            saveSvgAsPng(ref.current, `${filename}.png`)
              .catch(() => message.error(t("agencyReports.pngFailed")))
              .finally(() => setSaving(false));
          }}
        >
          {t("agencyReports.png")}
        </Button>
      }
    >
      <div ref={ref}>
        <Suspense fallback={<Skeleton active />}>{children}</Suspense>
      </div>
    </Card>
  );
}
