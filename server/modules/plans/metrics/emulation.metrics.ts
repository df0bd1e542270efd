// Emulation movements and commendations (module emulation; docs/domain/emulation.md). Each fact is
// placed where its unit stood on the fact's day (figures/placement.ts): a movement by the launching
// committee on its first day, a registration by the registered unit on the day it registered, a
// model by its unit on the day it was recognised, a commendation by the proposing unit on the day of
// the decision. A period with nothing recorded answers "unavailable", never a zero.
import type { SQL } from 'drizzle-orm';
import {
  type CommendationForm,
  commendationFormLabels,
  commendationForms,
} from '../../../../domain/rules/commendations/commendations';
import type { DbOrTx } from '../../../db/client';
import { queryOne, sql } from '../../../db/client';
import type { MetricDefinition, MetricScope, MetricValue } from '../../figures';
import { countRecords, factsUntil, placedJoin } from '../../figures';

/** Answers "unavailable" when the register holds nothing for the subtree and period. */
const unlessEmpty = async (
  db: DbOrTx,
  _scope: MetricScope,
  anyRow: SQL,
  reason: string,
  compute: () => Promise<MetricValue>,
): Promise<MetricValue> => {
  const r = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from (${anyRow}) t`);
  if (!r || Number(r.n) === 0) return { status: 'unavailable', reason };
  return compute();
};

const movementsInPeriod = (scope: MetricScope) => sql`
  select m.id from emulation_movements m
  ${placedJoin(scope.unitId, sql`m.org_unit_id`, sql`m.from_date`)}
  where m.from_date <= ${factsUntil(scope)} and m.to_date >= ${scope.from}`;

const noMovements = 'Chưa ghi nhận phong trào thi đua nào trong kỳ.';

const registrations = (members: boolean): MetricDefinition => ({
  code: members ? 'emulation.registered_members' : 'emulation.registered_units',
  label: members ? 'Đảng viên đăng ký thi đua' : 'Tổ chức đảng đăng ký thi đua',
  description: members
    ? 'Số lượt đảng viên đăng ký tham gia các phong trào thi đua trong kỳ (theo ngày đăng ký), tính cho chi bộ nơi đảng viên sinh hoạt.'
    : 'Số lượt tổ chức đảng đăng ký tham gia các phong trào thi đua trong kỳ (theo ngày đăng ký).',
  unit: 'count',
  area: 'emulation',
  kind: 'period',
  compute: ({ db, scope, withRecords }) =>
    unlessEmpty(db, scope, movementsInPeriod(scope), noMovements, () =>
      countRecords(
        db,
        sql`select 'movement_registration' as kind, r.id, r.registered_on as date,
              ${members ? sql`mb.full_name || ' – ' || o.name` : sql`o.name`} || ' – ' || mv.name as label
            from movement_registrations r join emulation_movements mv on mv.id = r.movement_id
            join org_units o on o.id = r.org_unit_id
            left join members mb on mb.id = r.member_id
            ${placedJoin(scope.unitId, sql`r.org_unit_id`, sql`r.registered_on`)}
            where r.member_id is ${members ? sql`not null` : sql`null`}
              and r.registered_on >= ${scope.from} and r.registered_on <= ${factsUntil(scope)}`,
        withRecords,
      ),
    ),
});

const grantedRows = (scope: MetricScope, where: SQL) => sql`
  select 'commendation' as kind, c.id, c.decided_on as date,
    coalesce(mb.full_name, so.name) || ' – ' || c.form || ' năm ' || c.year as label
  from commendations c
  left join members mb on mb.id = c.subject_member_id
  left join org_units so on so.id = c.subject_org_unit_id
  ${placedJoin(scope.unitId, sql`c.proposing_org_unit_id`, sql`c.decided_on`)}
  where c.status = 'granted' and c.decided_on >= ${scope.from} and c.decided_on <= ${factsUntil(scope)}
    and ${where}`;

const anyCommendation = (scope: MetricScope) => sql`
  select c.id from commendations c
  ${placedJoin(scope.unitId, sql`c.proposing_org_unit_id`, sql`c.proposed_on`)}
  where c.proposed_on <= ${factsUntil(scope)}
    and (c.decided_on is null or c.decided_on >= ${scope.from})`;

const noCommendations = 'Chưa ghi nhận đề nghị khen thưởng nào trong kỳ.';

/** Labels of records read well in Vietnamese: the form code is replaced by its label. */
const labelled = async (value: Promise<MetricValue>): Promise<MetricValue> => {
  const v = await value;
  if (v.status !== 'ok') return v;
  return {
    ...v,
    records: v.records.map((r) => ({
      ...r,
      label: commendationForms.reduce(
        (l, f) => l.replace(` – ${f} `, ` – ${commendationFormLabels[f]} `),
        r.label,
      ),
    })),
  };
};

const granted = (
  code: string,
  label: string,
  description: string,
  where: SQL,
): MetricDefinition => ({
  code,
  label,
  description,
  unit: 'count',
  area: 'emulation',
  kind: 'period',
  compute: ({ db, scope, withRecords }) =>
    unlessEmpty(db, scope, anyCommendation(scope), noCommendations, () =>
      labelled(countRecords(db, grantedRows(scope, where), withRecords)),
    ),
});

export const emulationMetrics: MetricDefinition[] = [
  {
    code: 'emulation.movements',
    label: 'Phong trào thi đua',
    description:
      'Số phong trào thi đua do cấp ủy trong phạm vi phát động, diễn ra (một phần) trong kỳ.',
    unit: 'count',
    area: 'emulation',
    kind: 'period',
    compute: ({ db, scope, withRecords }) =>
      unlessEmpty(db, scope, movementsInPeriod(scope), noMovements, () =>
        countRecords(
          db,
          sql`select 'emulation_movement' as kind, m.id, m.from_date as date, m.name as label
              from emulation_movements m
              ${placedJoin(scope.unitId, sql`m.org_unit_id`, sql`m.from_date`)}
              where m.from_date <= ${factsUntil(scope)} and m.to_date >= ${scope.from}`,
          withRecords,
        ),
      ),
  },
  registrations(false),
  registrations(true),
  {
    code: 'emulation.models_recognised',
    label: 'Mô hình thi đua được công nhận',
    description:
      'Số mô hình, điển hình trong các phong trào thi đua được cấp có thẩm quyền công nhận trong kỳ (theo ngày công nhận).',
    unit: 'count',
    area: 'emulation',
    kind: 'period',
    compute: ({ db, scope, withRecords }) =>
      unlessEmpty(db, scope, movementsInPeriod(scope), noMovements, () =>
        countRecords(
          db,
          sql`select 'exemplary_model' as kind, x.id, x.reviewed_on as date,
                x.title || ' – ' || o.name as label
              from exemplary_models x join org_units o on o.id = x.org_unit_id
              ${placedJoin(scope.unitId, sql`x.org_unit_id`, sql`x.reviewed_on`)}
              where x.movement_id is not null and x.status = 'recognised'
                and x.reviewed_on >= ${scope.from} and x.reviewed_on <= ${factsUntil(scope)}`,
          withRecords,
        ),
      ),
  },
  granted(
    'commendation.organisations_granted',
    'Tổ chức đảng được khen thưởng',
    'Số tổ chức đảng được khen thưởng theo quyết định trong kỳ (mọi hình thức), tính cho đơn vị đề nghị tại ngày quyết định.',
    sql`c.subject_kind = 'organisation'`,
  ),
  granted(
    'commendation.members_granted',
    'Đảng viên được khen thưởng',
    'Số đảng viên được khen thưởng theo quyết định trong kỳ (mọi hình thức), tính cho đơn vị đề nghị tại ngày quyết định.',
    sql`c.subject_kind = 'member'`,
  ),
  ...commendationForms.map((form: CommendationForm) =>
    granted(
      `commendation.granted.${form}`,
      `Khen thưởng: ${commendationFormLabels[form]}`,
      `Số tổ chức đảng và đảng viên được khen thưởng hình thức "${commendationFormLabels[form]}" theo quyết định trong kỳ.`,
      sql`c.form = ${form}`,
    ),
  ),
];
