import { renderOfficialDocx } from "./docx-layout.ts";
import { type Mau01Data, mau01Document } from "./mau01-content.ts";

/** Mẫu 01 of one person-period as DOCX in the Decree 30/2020 layout. */
export const renderMau01Docx = (data: Mau01Data): Promise<Buffer> => renderOfficialDocx(mau01Document(data));
