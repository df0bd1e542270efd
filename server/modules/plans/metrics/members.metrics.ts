// Member figures: the members by status at a date, and the movements of the period (transfers in and
// out, removals, expulsions, deaths). Placement rule: figures/placement.ts.
import {
  activeStatuses,
  type MemberEventKind,
  memberStatusLabels,
} from '../../../../domain/enums/members';
import { queryOne, sql } from '../../../db/client';
import { todayIso } from '../../../platform/clock';
import type { MetricDefinition } from '../../figures';
import {
  activeStatusList,
  countMembersOn,
  countRecords,
  factsUntil,
  memberUnitBefore,
  placedJoin,
  sumFacts,
  underRoot,
} from '../../figures';
import { inFactBatch } from './fact-batch';

type SnapshotStatus = 'probationary' | 'full' | 'exempted' | 'suspended' | null;

/**
 * Members in the party (or of one status) on the date, their cells placed in the tree of that date.
 * Without records: today from the maintained subtree totals (one lookup at any level), an earlier day
 * from the maintained membership deltas summed up to it (figures/placed-facts.ts); with records, the
 * member periods valid on the date.
 */
const membersOn =
  (status: SnapshotStatus): MetricDefinition['compute'] =>
  async ({ db, scope, withRecords = true }) => {
    const date = factsUntil(scope);
    if (!withRecords && date >= todayIso()) {
      const r = await queryOne<{ n: number }>(
        db,
        sql`select coalesce(sum(count), 0)::int as n from org_member_counts
            where org_unit_id = ${scope.unitId} and dimension = 'status'
              ${status ? sql`and key = ${status}` : sql`and key in (${activeStatusList})`}`,
      );
      return { status: 'ok', value: Number(r?.n ?? 0), records: [] };
    }
    if (!withRecords)
      return {
        status: 'ok',
        value: await countMembersOn(db, scope.unitId, status ? [status] : activeStatuses, date),
        records: [],
      };
    return countRecords(
      db,
      sql`select 'member' as kind, m.id, m.full_name as label
          from member_periods p join members m on m.id = p.member_id
          join org_unit_history h on h.org_unit_id = p.org_unit_id
            and h.valid_from <= ${date} and (h.valid_to is null or h.valid_to > ${date})
          where p.valid_from <= ${date} and (p.valid_to is null or p.valid_to > ${date})
            and ${status ? sql`p.status = ${status}` : sql`p.status in (${activeStatusList})`}
            and h.path ~ ${underRoot(scope.unitId)}`,
      withRecords,
    );
  };

/**
 * Events of these kinds dated in the period, placed by the cell the member was in: a member
 * transferred in twice in a year counts twice, as the movement tables of the reports count them.
 * Without records the figure is a range read of the maintained per-day counts (figures/placed-facts.ts),
 * which the placed-facts test proves equal to this scan.
 */
export const memberEventCount =
  (kinds: readonly MemberEventKind[]): MetricDefinition['compute'] =>
  async ({ db, scope, withRecords = true }) => {
    if (!withRecords)
      return {
        status: 'ok',
        value: await sumFacts(db, scope.unitId, kinds, scope.from, factsUntil(scope)),
        records: [],
      };
    return countRecords(
      db,
      sql`select 'member' as kind, m.id, m.full_name as label, e.event_date::text as date, e.id as event_id
          from member_events e join members m on m.id = e.member_id
          ${placedJoin(
            scope.unitId,
            sql`coalesce(e.org_unit_id, ${memberUnitBefore(sql`e.member_id`, sql`e.event_date`)})`,
            sql`e.event_date`,
          )}
          where e.kind in (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )})
            and e.event_date >= ${scope.from} and e.event_date <= ${factsUntil(scope)}`,
      withRecords,
    );
  };

/** An event metric: counted from the events, or from the fact sums (alone or with the batch). */
export const eventMetric = (
  m: Omit<MetricDefinition, 'compute' | 'batch' | 'kind' | 'unit'>,
  kinds: readonly MemberEventKind[],
): MetricDefinition => ({
  ...m,
  unit: 'count',
  kind: 'period',
  compute: memberEventCount(kinds),
  batch: inFactBatch(m.code, { range: 'period', kinds }),
});

const snapshot = (
  code: string,
  status: SnapshotStatus,
  label: string,
  description: string,
): MetricDefinition => ({
  code,
  label,
  description,
  unit: 'count',
  area: 'members',
  kind: 'snapshot',
  compute: membersOn(status),
});

export const memberMetrics: MetricDefinition[] = [
  snapshot(
    'members.total',
    null,
    'Tổng số đảng viên',
    'Đảng viên đang sinh hoạt (dự bị, chính thức, miễn sinh hoạt, đình chỉ) trong phạm vi tại ngày cuối kỳ (hoặc ngày xem nếu sớm hơn), theo cây tổ chức tại ngày đó.',
  ),
  ...(['probationary', 'full', 'exempted', 'suspended'] as const).map((s) =>
    snapshot(
      `members.status.${s}`,
      s,
      `Đảng viên ${memberStatusLabels[s].toLowerCase()}`,
      `Đảng viên có tình trạng "${memberStatusLabels[s]}" tại ngày cuối kỳ (hoặc ngày xem nếu sớm hơn), theo cây tổ chức tại ngày đó.`,
    ),
  ),
  eventMetric(
    {
      code: 'members.transferred_in',
      label: 'Đảng viên chuyển sinh hoạt đến',
      description:
        'Đảng viên chuyển sinh hoạt đảng chính thức đến trong kỳ, tính cho chi bộ tiếp nhận (theo cây tổ chức tại ngày chuyển đến).',
      area: 'members',
    },
    ['transferred_in'],
  ),
  eventMetric(
    {
      code: 'members.transferred_out',
      label: 'Đảng viên chuyển sinh hoạt đi',
      description:
        'Đảng viên chuyển sinh hoạt đảng chính thức ra ngoài Đảng bộ trong kỳ, tính cho chi bộ nơi đảng viên sinh hoạt trước khi chuyển.',
      area: 'members',
    },
    ['transferred_out'],
  ),
  eventMetric(
    {
      code: 'members.removed',
      label: 'Đảng viên bị xóa tên',
      description: 'Đảng viên bị xóa tên trong kỳ, tính cho chi bộ nơi đảng viên sinh hoạt.',
      area: 'members',
    },
    ['removed'],
  ),
  eventMetric(
    {
      code: 'members.expelled',
      label: 'Đảng viên bị khai trừ',
      description: 'Đảng viên bị khai trừ trong kỳ, tính cho chi bộ nơi đảng viên sinh hoạt.',
      area: 'members',
    },
    ['expelled'],
  ),
  eventMetric(
    {
      code: 'members.died',
      label: 'Đảng viên từ trần',
      description: 'Đảng viên từ trần trong kỳ, tính cho chi bộ nơi đảng viên sinh hoạt.',
      area: 'members',
    },
    ['died'],
  ),
];
