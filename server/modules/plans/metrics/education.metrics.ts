// Political education figures (docs/domain/education.md, Chỉ thị 05-CT/TW), read from the education
// module's records through its face (educationCounts, educationRecords): programmes, cells that held
// study activities, members who signed a commitment, models registered and recognised. Units are taken
// as they are today (a simplification stated in the domain doc); facts count up to min(to, asOf).
import { queryOne, sql } from '../../../db/client';
import { educationCounts, educationRecords } from '../../education';
import type { MetricDefinition, MetricScope, MetricValue } from '../../figures';
import { factsUntil, percentOf } from '../../figures';

type Db = Parameters<MetricDefinition['compute']>[0]['db'];

const countsScope = async (db: Db, scope: MetricScope) => {
  const root = await queryOne<{ path: string }>(
    db,
    sql`select path::text as path from org_units where id = ${scope.unitId}`,
  );
  return {
    rootPath: root?.path ?? '__none__',
    programmeId: null,
    from: scope.from,
    to: factsUntil(scope),
  };
};

/** A programme run in the period by the subtree or by a committee above it reaches the subtree. */
const anyProgramme = async (db: Db, rootPath: string, from: string, to: string) =>
  Boolean(
    await queryOne(
      db,
      sql`select 1 from study_programmes p join org_units o on o.id = p.org_unit_id
          where (o.path <@ ${rootPath}::ltree or ${rootPath}::ltree <@ o.path)
            and p.from_date <= ${to} and (p.to_date is null or p.to_date >= ${from}) limit 1`,
    ),
  );

const noProgramme: MetricValue = {
  status: 'unavailable',
  reason: 'Không có chương trình học tập và làm theo nào trong kỳ này.',
};

const records = (kind: string, rows: { id: number; label: string; date: string | null }[]) =>
  rows.map((r) => ({
    kind,
    id: Number(r.id),
    label: r.label,
    ...(r.date ? { date: r.date } : {}),
  }));

export const educationMetrics: MetricDefinition[] = [
  {
    code: 'education.programmes',
    label: 'Chương trình học tập và làm theo',
    description:
      'Số chương trình học tập (thực hiện Chỉ thị 05-CT/TW, chuyên đề hằng năm…) do cấp ủy trong cây tổ chức chủ trì, đang thực hiện trong kỳ.',
    unit: 'count',
    area: 'resolutions',
    kind: 'period',
    compute: async ({ db, scope, withRecords = true }) => {
      const rows = await educationRecords.programmes(db, await countsScope(db, scope));
      return {
        status: 'ok',
        value: rows.length,
        records: withRecords ? records('study_programme', rows) : [],
      };
    },
  },
  {
    code: 'education.units_with_activities',
    label: 'Chi bộ đã tổ chức học tập chuyên đề',
    description:
      'Số chi bộ trong cây tổ chức đã ghi ít nhất một hoạt động học tập, sinh hoạt chuyên đề của một chương trình trong kỳ, trên số chi bộ hiện có.',
    unit: 'percent',
    area: 'resolutions',
    kind: 'period',
    compute: async ({ db, scope, withRecords = true }) => {
      const s = await countsScope(db, scope);
      if (!(await anyProgramme(db, s.rootPath, s.from, s.to))) return noProgramme;
      const c = await educationCounts(db, s);
      const rows = withRecords ? await educationRecords.unitsWithActivities(db, s) : [];
      return percentOf(records('org_unit', rows), c.unitsWithActivities, c.unitsRequired);
    },
  },
  {
    code: 'education.members_committed',
    label: 'Đảng viên ký cam kết tu dưỡng, rèn luyện',
    description:
      'Số đảng viên (chính thức, dự bị) của các chi bộ trong cây tổ chức có bản cam kết học tập và làm theo của năm thuộc kỳ, trên số đảng viên của các chi bộ đó cuối kỳ.',
    unit: 'percent',
    area: 'resolutions',
    kind: 'period',
    compute: async ({ db, scope, withRecords = true }) => {
      const s = await countsScope(db, scope);
      if (!(await anyProgramme(db, s.rootPath, s.from, s.to))) return noProgramme;
      const c = await educationCounts(db, s);
      const rows = withRecords ? await educationRecords.membersWithCommitments(db, s) : [];
      return percentOf(records('member', rows), c.membersWithCommitments, c.membersRequired);
    },
  },
  {
    code: 'education.models_registered',
    label: 'Mô hình, điển hình đăng ký',
    description:
      'Số mô hình, điển hình do các đơn vị trong cây tổ chức đăng ký trong kỳ (theo chương trình học tập hoặc phong trào thi đua).',
    unit: 'count',
    area: 'resolutions',
    kind: 'period',
    compute: async ({ db, scope, withRecords = true }) => {
      const rows = await educationRecords.models(db, await countsScope(db, scope), false);
      return {
        status: 'ok',
        value: rows.length,
        records: withRecords ? records('exemplary_model', rows) : [],
      };
    },
  },
  {
    code: 'education.models_recognised',
    label: 'Mô hình, điển hình được công nhận',
    description:
      'Số mô hình, điển hình của các đơn vị trong cây tổ chức được cấp trên xét công nhận trong kỳ (ngày xét trong kỳ).',
    unit: 'count',
    area: 'resolutions',
    kind: 'period',
    compute: async ({ db, scope, withRecords = true }) => {
      const rows = await educationRecords.models(db, await countsScope(db, scope), true);
      return {
        status: 'ok',
        value: rows.length,
        records: withRecords ? records('exemplary_model', rows) : [],
      };
    },
  },
];
