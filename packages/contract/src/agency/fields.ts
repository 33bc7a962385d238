import { z } from "zod";

// Shared inside the folder only: index.ts leaves this file out, so the contract's public
// `isoDate` stays the one of work/dates.ts.

export const isoDate = z.iso.date();
