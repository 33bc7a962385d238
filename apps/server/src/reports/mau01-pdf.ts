import { type Mau01Data, mau01Document } from "./mau01-content.ts";
import { renderOfficialPdf } from "./pdf-layout.ts";

/** Mẫu 01 of one person-period as PDF: the same content as the DOCX, fonts embedded. */
export const renderMau01Pdf = (data: Mau01Data): Promise<Buffer> => renderOfficialPdf(mau01Document(data));
