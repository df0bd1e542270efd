// Party badges, party cards and dues (lifecycle module; docs/domain/badges.md, members.md, dues.md). Each fact is placed
// by the member's cell on the fact's date (figures/placement.ts).
import type { SQL } from 'drizzle-orm';
import { formatNumber } from '../../../../domain/text/vietnamese';
import { queryRows, sql } from '../../../db/client';
import type { MetricDefinition, MetricRecord } from '../../figures';
import { countRecords, factsUntil, placedJoin, sumFacts } from '../../figures';
import { inFactBatch } from './fact-batch';

/** The member's period (cell, status) valid on the fact's day, aliased `p`. */
const onDay = (member: SQL, date: SQL) => sql`
  join member_periods p on p.member_id = ${member}
    and p.valid_from <= ${date} and (p.valid_to is null or p.valid_to > ${date})`;

export const lifecycleMetrics: MetricDefinition[] = [
  {
    code: 'lifecycle.badges_awarded',
    label: 'Đảng viên được trao Huy hiệu Đảng',
    description:
      'Số huy hiệu Đảng (30 đến 90 năm tuổi đảng) trao trong kỳ, tính cho chi bộ nơi đảng viên sinh hoạt tại ngày trao.',
    unit: 'count',
    area: 'lifecycle',
    kind: 'period',
    batch: inFactBatch('lifecycle.badges_awarded', { range: 'period', kinds: ['badge'] }),
    compute: ({ db, scope, withRecords }) =>
      countRecords(
        db,
        sql`select 'badge_award' as kind, b.id,
              m.full_name || ' – Huy hiệu ' || b.milestone || ' năm tuổi Đảng' as label
            from badge_awards b join members m on m.id = b.member_id
            ${onDay(sql`b.member_id`, sql`b.award_date`)}
            ${placedJoin(scope.unitId, sql`p.org_unit_id`, sql`b.award_date`)}
            where b.award_date >= ${scope.from} and b.award_date <= ${factsUntil(scope)}`,
        withRecords,
      ),
  },
  {
    code: 'lifecycle.cards_issued',
    label: 'Đảng viên được phát thẻ đảng',
    description:
      'Số thẻ đảng phát lần đầu trong kỳ (không tính cấp lại, đổi thẻ), tính cho chi bộ nơi đảng viên sinh hoạt tại ngày phát.',
    unit: 'count',
    area: 'lifecycle',
    kind: 'period',
    batch: inFactBatch('lifecycle.cards_issued', { range: 'period', kinds: ['card_issued'] }),
    compute: ({ db, scope, withRecords }) =>
      countRecords(
        db,
        sql`select 'party_card_event' as kind, c.id,
              m.full_name || coalesce(' – thẻ số ' || c.card_number, '') as label
            from party_card_events c join members m on m.id = c.member_id
            ${onDay(sql`c.member_id`, sql`c.action_date`)}
            ${placedJoin(scope.unitId, sql`p.org_unit_id`, sql`c.action_date`)}
            where c.action = 'issued' and c.action_date >= ${scope.from} and c.action_date <= ${factsUntil(scope)}`,
        withRecords,
      ),
  },
  {
    code: 'lifecycle.dues_collected',
    label: 'Đảng phí đã thu',
    description:
      'Tổng số tiền đảng phí (đồng) đã nộp có ngày nộp trong kỳ, tính cho chi bộ nơi đảng viên sinh hoạt tại ngày nộp; danh sách là các đảng viên đã nộp và số tiền của từng người.',
    unit: 'amount',
    area: 'lifecycle',
    kind: 'period',
    batch: inFactBatch('lifecycle.dues_collected', { range: 'period', kinds: ['dues'] }),
    compute: async ({ db, scope, withRecords = true }) => {
      const payments = sql`
        select d.member_id, d.amount from dues_payments d
        ${onDay(sql`d.member_id`, sql`d.paid_on`)}
        ${placedJoin(scope.unitId, sql`p.org_unit_id`, sql`d.paid_on`)}
        where d.paid_on >= ${scope.from} and d.paid_on <= ${factsUntil(scope)}`;
      if (!withRecords)
        return {
          status: 'ok',
          value: await sumFacts(db, scope.unitId, ['dues'], scope.from, factsUntil(scope)),
          records: [],
        };
      const rows = await queryRows<{ id: number; full_name: string; total: number; n: number }>(
        db,
        sql`select m.id, m.full_name, sum(t.amount)::bigint as total, count(*)::int as n
            from (${payments}) t join members m on m.id = t.member_id
            group by m.id, m.full_name order by m.full_name, m.id`,
      );
      const records: MetricRecord[] = rows.map((r) => ({
        kind: 'member',
        id: Number(r.id),
        label: `${r.full_name} – ${formatNumber(Number(r.total))} đ (${r.n} tháng)`,
      }));
      return {
        status: 'ok',
        value: rows.reduce((s, r) => s + Number(r.total), 0),
        records,
      };
    },
  },
];
