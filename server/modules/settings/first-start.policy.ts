// The top committee's names over time, from the first-start set-up: established on a date, perhaps
// renamed since (the bloc committees of the provinces' agencies, "Đảng bộ Khối các cơ quan tỉnh", became
// "Đảng bộ các cơ quan Đảng tỉnh" in 2025: docs/domain/organisation-tree.md). Pure: no I/O.
import { formatDate } from '../../../domain/text/vietnamese';

export type NameInterval = { name: string; validFrom: string; validTo: string | null };

/**
 * The intervals of the history, oldest first: each earlier name from the establishment (or the previous
 * change) until its `until`, then today's name. A problem (in Vietnamese) when the dates do not follow.
 */
export const rootNameIntervals = (
  input: { name: string; establishedOn: string; earlierNames: { name: string; until: string }[] },
  today: string,
): { ok: true; intervals: NameInterval[] } | { ok: false; field: string; message: string } => {
  if (input.establishedOn > today)
    return { ok: false, field: 'establishedOn', message: 'Ngày thành lập không được sau hôm nay.' };
  const earlier = [...input.earlierNames].sort((a, b) => a.until.localeCompare(b.until));
  const intervals: NameInterval[] = [];
  let from = input.establishedOn;
  for (const [i, e] of earlier.entries()) {
    if (e.until <= from)
      return {
        ok: false,
        field: `earlierNames.${i}.until`,
        message: `Tên "${e.name}" phải được dùng đến sau ngày ${formatDate(from)} (ngày thành lập hoặc lần đổi tên trước).`,
      };
    if (e.until > today)
      return {
        ok: false,
        field: `earlierNames.${i}.until`,
        message: `Ngày đổi tên ${formatDate(e.until)} ở tương lai.`,
      };
    intervals.push({ name: e.name, validFrom: from, validTo: e.until });
    from = e.until;
  }
  intervals.push({ name: input.name, validFrom: from, validTo: null });
  return { ok: true, intervals };
};
