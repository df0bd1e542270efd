// Proposals and residence-comment figures (docs/domain/proposals.md), read from the registers the proposals
// module keeps (server/modules/proposals). A proposal counts for the period it was received in, placed by
// the register's unit on that day (figures/placement.ts): "tiếp nhận N kiến nghị, đã trả lời M" of the
// year-end report. Residence comments (Quy định 213-QĐ/TW) count members in the party at the period's
// end who have, or lack, the residence cell's comment on the period's year. A period with nothing in
// the register is 'unavailable', never 0.
import type { SQL } from 'drizzle-orm';
import { type DbOrTx, queryOne, sql } from '../../../db/client';
import type { MetricDefinition, MetricScope, MetricValue } from '../../figures';
import { activeStatusList, countRecords, factsUntil, placedJoin, underRoot } from '../../figures';

const proposalsUnavailable =
  'chưa ghi nhận đề xuất, kiến nghị nào trong sổ theo dõi kiến nghị của phạm vi này trong kỳ';
const residenceUnavailable =
  'chưa ghi nhận nhận xét nào của chi bộ nơi cư trú (Quy định 213-QĐ/TW) cho năm này';

/** Proposals received in the period by a register in the subtree (placed on the day received). */
const receivedIn = (scope: MetricScope) => sql`
  from proposals p ${placedJoin(scope.unitId, sql`p.org_unit_id`, sql`p.raised_on`)}
  where p.raised_on between ${scope.from} and ${factsUntil(scope)}`;

const anyReceived = async (db: DbOrTx, scope: MetricScope) =>
  Number(
    (await queryOne<{ n: number }>(db, sql`select count(*)::int as n ${receivedIn(scope)}`))?.n ??
      0,
  ) > 0;

const proposalCount =
  (pick: (scope: MetricScope) => SQL): MetricDefinition['compute'] =>
  async ({ db, scope, withRecords = true }): Promise<MetricValue> => {
    if (!(await anyReceived(db, scope)))
      return { status: 'unavailable', reason: proposalsUnavailable };
    return countRecords(
      db,
      sql`select distinct 'proposal' as kind, p.id,
            left(p.content, 120) as label, p.raised_on::text as date
          ${receivedIn(scope)} and ${pick(scope)}`,
      withRecords,
    );
  };

const membersAtEnd = (scope: MetricScope, withComment: boolean) => {
  const date = factsUntil(scope);
  const year = Number(scope.from.slice(0, 4));
  // Comments on year N are often given early in N+1: those known at the as-of date count.
  return sql`select 'member' as kind, m.id, m.full_name as label
    from member_periods p join members m on m.id = p.member_id
    join org_unit_history h on h.org_unit_id = p.org_unit_id
      and h.valid_from <= ${date} and (h.valid_to is null or h.valid_to > ${date})
    where p.valid_from <= ${date} and (p.valid_to is null or p.valid_to > ${date})
      and p.status in (${activeStatusList}) and h.path ~ ${underRoot(scope.unitId)}
      and ${withComment ? sql`` : sql`not`} exists (select 1 from residence_comments c
        where c.member_id = m.id and c.year = ${year} and c.commented_on <= ${scope.asOf})`;
};

const residenceCount =
  (withComment: boolean): MetricDefinition['compute'] =>
  async ({ db, scope, withRecords = true }): Promise<MetricValue> => {
    const any = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from (${membersAtEnd(scope, true)}) t`,
    );
    if (Number(any?.n ?? 0) === 0) return { status: 'unavailable', reason: residenceUnavailable };
    return countRecords(db, membersAtEnd(scope, withComment), withRecords);
  };

export const proposalMetrics: MetricDefinition[] = [
  {
    code: 'proposals.received',
    label: 'Đề xuất, kiến nghị tiếp nhận',
    description:
      'Số đề xuất, kiến nghị của tổ chức đảng, đảng viên, đại biểu dự hội nghị được các cấp ủy trong phạm vi tiếp nhận trong kỳ (tính theo ngày tiếp nhận, kể cả kiến nghị đã rút).',
    unit: 'count',
    area: 'proposals',
    kind: 'period',
    compute: proposalCount(() => sql`true`),
  },
  {
    code: 'proposals.answered',
    label: 'Kiến nghị đã được trả lời',
    description:
      'Trong số đề xuất, kiến nghị tiếp nhận trong kỳ, số đã có nội dung trả lời đến ngày tính số liệu.',
    unit: 'count',
    area: 'proposals',
    kind: 'period',
    compute: proposalCount(
      (scope) => sql`p.status = 'answered' and p.answered_on <= ${scope.asOf}`,
    ),
  },
  {
    code: 'proposals.overdue',
    label: 'Kiến nghị quá hạn chưa trả lời',
    description:
      'Trong số đề xuất, kiến nghị tiếp nhận trong kỳ, số đã quá hạn trả lời mà đến ngày tính số liệu chưa được trả lời (không tính kiến nghị đã rút).',
    unit: 'count',
    area: 'proposals',
    kind: 'period',
    compute: proposalCount(
      (scope) =>
        sql`p.status <> 'withdrawn' and p.due_on < ${scope.asOf}
          and (p.answered_on is null or p.answered_on > ${scope.asOf})`,
    ),
  },
  {
    code: 'residence.members_with_comment',
    label: 'Đảng viên có nhận xét của chi bộ nơi cư trú',
    description:
      'Số đảng viên sinh hoạt trong phạm vi tại cuối kỳ đã có nhận xét của chi ủy, chi bộ nơi cư trú về năm của kỳ (Quy định 213-QĐ/TW), tính các nhận xét ghi nhận đến ngày tính số liệu.',
    unit: 'count',
    area: 'proposals',
    kind: 'period',
    compute: residenceCount(true),
  },
  {
    code: 'residence.members_without_comment',
    label: 'Đảng viên chưa có nhận xét nơi cư trú',
    description:
      'Số đảng viên sinh hoạt trong phạm vi tại cuối kỳ chưa có nhận xét của chi bộ nơi cư trú về năm của kỳ (gồm cả đảng viên không phải lấy nhận xét định kỳ theo Hướng dẫn 33-HD/BTCTW, nếu có).',
    unit: 'count',
    area: 'proposals',
    kind: 'period',
    compute: residenceCount(false),
  },
];
