// The home page per role (issue 22): the first page after login, one call answering by the caller's
// role and scope. Every item is read from an existing module (reminders, dues, meetings, evaluation
// campaigns, recruitment, transfers, plans, inspection, discipline) and links to where it is done.
import { z } from './zod-vi';

export const homeKinds = ['member', 'cell', 'committee', 'inspection'] as const;
export type HomeKind = (typeof homeKinds)[number];

/** How urgent an item is: overdue (red), due soon (orange), to do (blue), done (green), plain. */
export const homeTones = ['overdue', 'due_soon', 'todo', 'done', 'info'] as const;

export const ZHomeItem = z.object({
  label: z.string(),
  /** One sentence of detail (dates dd/mm/yyyy, amounts in đồng). */
  detail: z.string().nullable(),
  /** A count or figure shown large beside the label, when the item is a count. */
  count: z.number().nullable(),
  tone: z.enum(homeTones),
  /** Where the item is done or read in full; null when there is no page for the caller. */
  link: z.string().nullable(),
});
export type THomeItem = z.infer<typeof ZHomeItem>;

export const ZHomeSection = z.object({
  key: z.string(),
  title: z.string(),
  items: z.array(ZHomeItem),
  /** Shown when there are no items: says why (nothing due, no campaign open…). */
  emptyText: z.string(),
  /** The page with the whole list. */
  link: z.string().nullable(),
});
export type THomeSection = z.infer<typeof ZHomeSection>;

export const ZHome = z.object({
  kind: z.enum(homeKinds),
  title: z.string(),
  /** The scope the home speaks of: the member's cell, the secretary's cell, the committee. */
  unitName: z.string(),
  today: z.string(),
  sections: z.array(ZHomeSection),
});
export type THome = z.infer<typeof ZHome>;
