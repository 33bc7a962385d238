import { type Mau02Data, mau02Document } from "./mau02-content.ts";
import { renderOfficialPdf } from "./pdf-layout.ts";

export const renderMau02Pdf = (data: Mau02Data): Promise<Buffer> => renderOfficialPdf(mau02Document(data));
