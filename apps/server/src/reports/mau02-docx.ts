import { renderOfficialDocx } from "./docx-layout.ts";
import { type Mau02Data, mau02Document } from "./mau02-content.ts";

export const renderMau02Docx = (data: Mau02Data): Promise<Buffer> => renderOfficialDocx(mau02Document(data));
