// The demo bloc's dues remitted upward (docs/domain/dues.md, "Nộp đảng phí lên cấp trên"): for each
// quarter of the demo year that has ended, every grassroots organisation under the bloc remits its
// share of what its cells collected — most in full, a few late (nothing yet for the last quarter),
// short (part of a quarter) or month by month — recorded through the real service, as the bloc's
// office would, so the page "Nộp đảng phí lên cấp trên" shows something real after `npm start`.

import type { Db } from '../db/client';
import { getRemittanceComparison, recordRemittance } from '../modules/lifecycle';
import type { Actor } from '../platform/access/actor';
import { todayIso } from '../platform/clock';
import { demoLifecycleEnd } from './demo-lifecycle';
import { addDays, createRandom } from './random';

const quarterEnd = (year: number, q: number) =>
  ({ 1: `${year}-03-31`, 2: `${year}-06-30`, 3: `${year}-09-30`, 4: `${year}-12-31` })[q]!;

const onOrBefore = (date: string, last: string) => (date > last ? last : date);

export const seedDemoRemittances = async (db: Db, office: Actor, seed = 20260) => {
  const rng = createRandom(seed + 17);
  const year = Number(demoLifecycleEnd.slice(0, 4));
  const today = todayIso();
  if (today < `${year}-04-10`) return;
  const comparison = await getRemittanceComparison({
    db,
    actor: office,
    query: { orgUnitId: office.scopeOrgUnitId, year },
  });
  const ended = (q: number) => quarterEnd(year, q) < today;
  let receipt = 0;
  for (const [i, row] of comparison.rows.entries()) {
    // Every seventh organisation is late with the last ended quarter; every ninth remits part of a
    // quarter; every fifth remits month by month (the amounts of the quarter, split by month).
    const late = i % 7 === 3;
    const short = i % 9 === 5;
    const monthly = i % 5 === 1;
    const lastEnded = Math.max(
      0,
      ...row.quarters.filter((q) => ended(q.quarter)).map((q) => q.quarter),
    );
    for (const q of row.quarters) {
      if (!ended(q.quarter) || q.due <= 0) continue;
      if (late && q.quarter === lastEnded) continue;
      const received = (days: number) =>
        onOrBefore(addDays(quarterEnd(year, q.quarter), days), today);
      receipt += 1;
      const documentNumber = `${String(receipt).padStart(3, '0')}/PT-ĐP`;
      if (monthly) {
        const first = (q.quarter - 1) * 3 + 1;
        const part = Math.floor(q.due / 3);
        for (const [k, month] of [first, first + 1, first + 2].entries()) {
          const amount = k === 2 ? q.due - 2 * part : part;
          await recordRemittance({
            db,
            actor: office,
            input: {
              orgUnitId: row.orgUnitId,
              year,
              periodKind: 'month',
              period: month,
              amount,
              receivedOn: onOrBefore(
                addDays(`${year}-${String(month).padStart(2, '0')}-28`, rng.int(3, 12)),
                today,
              ),
              documentNumber: `${documentNumber}-${k + 1}`,
              note: null,
            },
          });
        }
        continue;
      }
      const amount = short && q.quarter === 2 ? Math.round((q.due * 0.6) / 1000) * 1000 : q.due;
      await recordRemittance({
        db,
        actor: office,
        input: {
          orgUnitId: row.orgUnitId,
          year,
          periodKind: 'quarter',
          period: q.quarter,
          amount,
          receivedOn: received(rng.int(5, 20)),
          documentNumber,
          note: amount < q.due ? 'Nộp thiếu, hẹn nộp bổ sung' : null,
        },
      });
    }
  }
};
