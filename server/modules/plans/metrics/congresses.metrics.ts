// Congresses and committees (docs/domain/congresses.md), read from the tables the congresses and
// committees modules write (this module sits below them: it reads their rows, never their code).
// A congress counts where its unit lay in the tree on the day it was held (or on its level's deadline
// for "on schedule"); a committee member elected counts where the unit lay on the day they took office.
import type { SQL } from 'drizzle-orm';
import { committeeStructureDefaults } from '../../../../domain/rules/congresses';
import { queryRows, sql } from '../../../db/client';
import type { MetricDefinition, MetricRecord, MetricScope, MetricValue } from '../../figures';
import { countRecords, factsUntil, percentOf, placedUnder } from '../../figures';

/** The deadline of a congress's level in its round. */
const levelDeadline = sql`case c.level when 'cell' then r.cell_deadline
  when 'grassroots' then r.grassroots_deadline else r.upper_deadline end`;

const congressLabel = sql`o.name || coalesce(' — đại hội lần thứ ' || c.ordinal, '')`;

const heldIn = (scope: MetricScope) => sql`c.held_on between ${scope.from} and ${factsUntil(scope)}
  and c.status in ('held', 'results_approved')
  and ${placedUnder(scope.unitId, sql`c.org_unit_id`, sql`c.held_on`)}`;

/**
 * The committee members (position 'member', elected at a congress) who took office in the period, with
 * what the shares need: sex, age on the day, re-elected.
 */
const electedCommitteeMembers = async (
  db: Parameters<MetricDefinition['compute']>[0]['db'],
  scope: MetricScope,
) =>
  queryRows<{
    id: number;
    label: string;
    date: string;
    female: boolean;
    age: number;
    re_elected: boolean;
  }>(
    db,
    sql`select cm.id, m.full_name || ' — ' || o.name as label, cm.from_date::text as date,
          m.sex = 'female' as female,
          extract(year from age(cm.from_date, m.birth_date))::int as age,
          cm.re_elected
        from committee_memberships cm
        join members m on m.id = cm.member_id
        join org_units o on o.id = cm.org_unit_id
        where cm.position = 'member' and cm.start_reason = 'elected'
          and cm.from_date between ${scope.from} and ${factsUntil(scope)}
          and ${placedUnder(scope.unitId, sql`cm.org_unit_id`, sql`cm.from_date`)}`,
  );

const noneElected: MetricValue = {
  status: 'unavailable',
  reason: 'Không có cấp ủy viên nào được bầu tại đại hội trong kỳ này.',
};

/** A share among the committee members elected in the period; no congress elected anyone → unavailable. */
const electedShare =
  (
    counts: (m: Awaited<ReturnType<typeof electedCommitteeMembers>>[number]) => boolean,
  ): MetricDefinition['compute'] =>
  async ({ db, scope, withRecords = true }) => {
    const rows = await electedCommitteeMembers(db, scope);
    if (rows.length === 0) return noneElected;
    const hits = rows.filter(counts);
    const records: MetricRecord[] = withRecords
      ? hits.map((r) => ({ kind: 'committee_membership', id: r.id, label: r.label, date: r.date }))
      : [];
    return percentOf(records, hits.length, rows.length);
  };

/** Young: under this age on the day they took office (Chỉ thị 35-CT/TW §4, domain/rules/congresses). */
const youngCommitteeMemberAge = committeeStructureDefaults.youngAgeBelow;

const congressRows = (scope: MetricScope, filter: SQL) =>
  sql`select 'congress' as kind, c.id, ${congressLabel} as label, c.held_on::text as date
      from congresses c join org_units o on o.id = c.org_unit_id
      where ${heldIn(scope)} and ${filter}`;

export const congressMetrics: MetricDefinition[] = [
  {
    code: 'congresses.held',
    label: 'Tổ chức đảng tổ chức đại hội',
    description:
      'Số chi bộ, đảng bộ trong phạm vi đã tổ chức đại hội (ngày đại hội trong kỳ, không sau ngày xem); đơn vị tính theo cây tổ chức vào ngày đại hội.',
    unit: 'count',
    area: 'congresses',
    kind: 'period',
    compute: ({ db, scope, withRecords }) =>
      countRecords(db, congressRows(scope, sql`true`), withRecords),
  },
  {
    code: 'congresses.held_grassroots',
    label: 'Tổ chức cơ sở đảng tổ chức đại hội',
    description: 'Số đảng bộ cơ sở, chi bộ cơ sở trong phạm vi đã tổ chức đại hội trong kỳ.',
    unit: 'count',
    area: 'congresses',
    kind: 'period',
    compute: ({ db, scope, withRecords }) =>
      countRecords(db, congressRows(scope, sql`c.level = 'grassroots'`), withRecords),
  },
  {
    code: 'congresses.held_cells',
    label: 'Chi bộ trực thuộc, đảng bộ bộ phận tổ chức đại hội',
    description:
      'Số chi bộ trực thuộc đảng ủy cơ sở và đảng bộ bộ phận trong phạm vi đã tổ chức đại hội trong kỳ.',
    unit: 'count',
    area: 'congresses',
    kind: 'period',
    compute: ({ db, scope, withRecords }) =>
      countRecords(db, congressRows(scope, sql`c.level = 'cell'`), withRecords),
  },
  {
    code: 'congresses.on_schedule',
    label: 'Đại hội đúng tiến độ',
    description:
      'Tỷ lệ đại hội tổ chức không muộn hơn hạn của cấp mình trong kế hoạch đại hội, trên số đại hội có hạn trong kỳ (đơn vị tính theo cây tổ chức vào ngày hạn).',
    unit: 'percent',
    area: 'congresses',
    kind: 'period',
    compute: async ({ db, scope, withRecords = true }) => {
      const until = factsUntil(scope);
      const rows = await queryRows<{
        id: number;
        label: string;
        date: string | null;
        on_time: boolean;
      }>(
        db,
        sql`select c.id, ${congressLabel} as label, c.held_on::text as date,
              coalesce(c.held_on <= ${levelDeadline} and c.held_on <= ${until}
                and c.status in ('held', 'results_approved'), false) as on_time
            from congresses c join congress_rounds r on r.id = c.round_id
            join org_units o on o.id = c.org_unit_id
            where ${levelDeadline} between ${scope.from} and ${scope.to}
              and ${placedUnder(scope.unitId, sql`c.org_unit_id`, levelDeadline)}`,
      );
      if (rows.length === 0)
        return {
          status: 'unavailable',
          reason: 'Không có đại hội nào có hạn tổ chức trong kỳ này.',
        };
      const hits = rows.filter((r) => r.on_time);
      const records: MetricRecord[] = withRecords
        ? hits.map((r) => ({
            kind: 'congress',
            id: r.id,
            label: r.label,
            date: r.date ?? undefined,
          }))
        : [];
      return percentOf(records, hits.length, rows.length);
    },
  },
  {
    code: 'congresses.results_approved',
    label: 'Đại hội đã được chuẩn y kết quả bầu cử',
    description:
      'Số đại hội trong phạm vi được cấp trên chuẩn y kết quả bầu cử trong kỳ (ngày chuẩn y trong kỳ).',
    unit: 'count',
    area: 'congresses',
    kind: 'period',
    compute: ({ db, scope, withRecords }) =>
      countRecords(
        db,
        sql`select 'congress' as kind, c.id, ${congressLabel} as label,
              c.results_approved_on::text as date
            from congresses c join org_units o on o.id = c.org_unit_id
            where c.status = 'results_approved'
              and c.results_approved_on between ${scope.from} and ${factsUntil(scope)}
              and ${placedUnder(scope.unitId, sql`c.org_unit_id`, sql`c.results_approved_on`)}`,
        withRecords,
      ),
  },
  {
    code: 'committees.elected',
    label: 'Cấp ủy viên được bầu tại đại hội',
    description:
      'Số cấp ủy viên được đại hội bầu, nhận nhiệm vụ trong kỳ (mỗi người một lần cho mỗi cấp ủy).',
    unit: 'count',
    area: 'congresses',
    kind: 'period',
    compute: async ({ db, scope, withRecords = true }) => {
      const rows = await electedCommitteeMembers(db, scope);
      return {
        status: 'ok',
        value: rows.length,
        records: withRecords
          ? rows.map((r) => ({
              kind: 'committee_membership',
              id: r.id,
              label: r.label,
              date: r.date,
            }))
          : [],
      };
    },
  },
  {
    code: 'committees.reelected_share',
    label: 'Tỷ lệ cấp ủy viên tái cử',
    description:
      'Trong số cấp ủy viên được đại hội bầu trong kỳ: tỷ lệ người đã là cấp ủy viên của chính tổ chức đó ở nhiệm kỳ trước.',
    unit: 'percent',
    area: 'congresses',
    kind: 'period',
    compute: electedShare((m) => m.re_elected),
  },
  {
    code: 'committees.women_share',
    label: 'Tỷ lệ cấp ủy viên nữ',
    description: 'Trong số cấp ủy viên được đại hội bầu trong kỳ: tỷ lệ nữ.',
    unit: 'percent',
    area: 'congresses',
    kind: 'period',
    compute: electedShare((m) => m.female),
  },
  {
    code: 'committees.young_share',
    label: 'Tỷ lệ cấp ủy viên trẻ',
    description: `Trong số cấp ủy viên được đại hội bầu trong kỳ: tỷ lệ người dưới ${youngCommitteeMemberAge} tuổi vào ngày nhận nhiệm vụ.`,
    unit: 'percent',
    area: 'congresses',
    kind: 'period',
    compute: electedShare((m) => m.age < youngCommitteeMemberAge),
  },
];
