// Whether a congress was held by its deadline (docs/domain/congresses.md, "Schedule"). The deadline
// comes from the round's plan (e.g. cells by a date set by the upper committee, grassroots committees
// by the date the directive sets); this function only compares dates. Pure: ISO dates in.

export type CongressTimeliness =
  | { ok: true; status: 'on_schedule'; daysEarly: number; message: string }
  | { ok: true; status: 'late'; daysLate: number; message: string }
  | { ok: false; errors: string[] };

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

const dayNumber = (iso: string): number | null => {
  const m = isoDay.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return null;
  return t / 86_400_000;
};

const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Held on or before the deadline: on schedule; after it: late by N calendar days. */
export const congressTimeliness = (heldOn: string, deadline: string): CongressTimeliness => {
  const held = dayNumber(heldOn);
  const due = dayNumber(deadline);
  const errors: string[] = [];
  if (held === null) errors.push(`Ngày đại hội "${heldOn}" không hợp lệ.`);
  if (due === null) errors.push(`Thời hạn tổ chức đại hội "${deadline}" không hợp lệ.`);
  if (held === null || due === null) return { ok: false, errors };
  if (held <= due)
    return {
      ok: true,
      status: 'on_schedule',
      daysEarly: due - held,
      message: `Đại hội tổ chức ngày ${vn(heldOn)}, đúng thời hạn (trước hoặc trong ngày ${vn(deadline)}).`,
    };
  return {
    ok: true,
    status: 'late',
    daysLate: held - due,
    message: `Đại hội tổ chức ngày ${vn(heldOn)}, chậm ${held - due} ngày so với thời hạn ${vn(deadline)}.`,
  };
};

export type DeadlineLevel = 'cell' | 'grassroots' | 'district' | 'province';

/**
 * The last day a round's directive gives a level to hold its congress (ISO, taken as inclusive:
 * "hoàn thành trước ngày 30/6" read as "by 30/6" ❓), or null when not found — the upper committee's
 * plan then sets the deadline. docs/domain/congresses.md "Schedule":
 *  - 2020–2025 (Chỉ thị 35-CT/TW 2019): grassroots 30/6/2020, district 31/8/2020, province
 *    31/10/2020 ✅; cells under a grassroots committee ❓ (the upper committee's plan);
 *  - 2025–2030: cells under a grassroots committee 31/3/2025 (Hướng dẫn 27-HD/BTCTW 26/8/2024 as
 *    restated in a provincial plan 🟡), grassroots 30/6/2025 (Kết luận 163-KL/TW 6/6/2025 ✅); district
 *    committees were dissolved in 2025; province ❓.
 */
export const directiveDeadline = (
  round: 'round-2020-2025' | 'round-2025-2030',
  level: DeadlineLevel,
): string | null => {
  const table: Record<typeof round, Record<DeadlineLevel, string | null>> = {
    'round-2020-2025': {
      cell: null,
      grassroots: '2020-06-30',
      district: '2020-08-31',
      province: '2020-10-31',
    },
    'round-2025-2030': {
      cell: '2025-03-31',
      grassroots: '2025-06-30',
      district: null,
      province: null,
    },
  };
  return table[round][level];
};
