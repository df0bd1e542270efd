// Writes the generated demo bloc, its accounts and its 2025 restructuring into an empty database.
import { sql } from 'drizzle-orm';
import type { TOrgOperation } from '../../contracts/org-units';
import type { TFirstStartSetup } from '../../contracts/settings';
import type { Role } from '../../domain/enums/roles';
import { deriveMemberTimeline, type Standing } from '../../domain/rules/members/member-timeline';
import { copyRows, snake } from '../db/bulk';
import { type Db, type DbOrTx, queryOne, queryRows } from '../db/client';
import { orgUnitHistory, orgUnits, users } from '../db/schema/index';
import {
  activeStatusList,
  memberDimensionValuesOf,
  rebuildOrgMemberCounts,
  rebuildPlacedFacts,
  recountMembersBetween,
} from '../modules/figures';
import { applyOrgOperation } from '../modules/org-units';
import { applyFirstStartSetup, setupPendingKey } from '../modules/settings';
import type { Actor } from '../platform/access/actor';
import { writeAudit } from '../platform/audit/audit';
import { generatePassword, hashPassword } from '../platform/auth/password';
import { todayIso } from '../platform/clock';
import { type DemoBloc, type DemoOptions, generateDemoBloc, type SeedUnit } from './demo-bloc';
import { seedDemoCongresses } from './demo-congresses';
import { seedDemoDocuments } from './demo-documents';
import { seedDemoEducation } from './demo-education';
import { seedDemoEmulation } from './demo-emulation';
import { seedDemoEvaluations } from './demo-evaluations';
import { seedDemoInspection } from './demo-inspection';
import { seedDemoLifecycle } from './demo-lifecycle';
import { seedDemoMeetings } from './demo-meetings';
import { seedDemoNextYearTargets, seedDemoPlans } from './demo-plans';
import { seedDemoProposals } from './demo-proposals';
import { seedDemoRemittances } from './demo-remittances';
import { seedDemoResolutions } from './demo-resolutions';

/** Units that the demo's 2025 restructuring merges away: no member event after that day. */
export const demoFrozenUnits: Record<string, string> = {
  So_Thong_tin_va_Truyen_thong: '2025-03-01',
};

export type LoadedDemo = { unitIds: Map<string, number>; memberIds: number[] };

/** Bulk-load the tree and the members with their derived state; all in one transaction. */
export const loadDemoData = async (
  db: Db,
  options: DemoOptions = {},
  load: LoadOptions = {},
): Promise<LoadedDemo> =>
  loadBloc(db, generateDemoBloc({ frozenUnits: demoFrozenUnits, ...options }), load);

/**
 * How the maintained figures follow a load. `rollups`: 'rebuild' recomputes every total and fact of
 * the database (a fresh database); 'add' adds only what the loaded subtree and its members bring, to
 * the subtree and its ancestors (one more province under an existing root; memory and time stay per
 * subtree); 'none' leaves them to the caller. `facts: false` leaves the placed facts alone (a seed that
 * rebuilds them once at its end). `parentId` hangs the bloc's root under an existing unit.
 * `onPhase` hears how long each phase took (benchmarks).
 */
export type LoadOptions = {
  parentId?: number;
  rollups?: 'rebuild' | 'add' | 'none';
  facts?: boolean;
  onPhase?: (phase: LoadPhase, ms: number) => void;
};
export type LoadPhase = 'prepare' | 'copy' | 'totals' | 'facts';

/**
 * Add the totals of a subtree loaded with no totals yet (its units and the members of its units, whose
 * ids are in `memberIds` [first, last]) to its units and all their ancestors: per unit first, then up
 * the tree by the ids in the paths, in one set-based statement (no per-unit or per-member work).
 */
export const addSubtreeOrgMemberCounts = async (
  tx: DbOrTx,
  subtreeRootId: number,
  [first, last]: [number, number],
) => {
  await tx.execute(sql`
    with sub as (
      select o.id, o.kind, o.dissolved_on, o.path from org_units o
      where o.path <@ (select path from org_units where id = ${subtreeRootId})),
    own as (
      select m.org_unit_id, d.dimension, d.key, count(*) as n
      from members m join sub on sub.id = m.org_unit_id
      cross join lateral ${memberDimensionValuesOf(sql`m`)} as d(dimension, key)
      where m.id between ${first} and ${last} and m.status in (${activeStatusList})
      group by 1, 2, 3
      union all
      select sub.id, 'unit_kind', sub.kind, 1 from sub where sub.dissolved_on is null)
    insert into org_member_counts (org_unit_id, dimension, key, count)
    select a.id::int, own.dimension, own.key, sum(own.n)::int
    from own join org_units o on o.id = own.org_unit_id
    cross join lateral unnest(string_to_array(o.path::text, '.')) as a(id)
    group by 1, 2, 3 order by 1, 2, 3
    on conflict (org_unit_id, dimension, key)
    do update set count = org_member_counts.count + excluded.count`);
};

/** Reserve `n` ids of a table's identity after its largest id; returns the first. */
const reserveIds = async (tx: DbOrTx, table: string, n: number): Promise<number> => {
  const base = (await queryOne<{ n: number }>(
    tx,
    sql`select coalesce(max(id), 0)::int as n from ${sql.raw(table)}`,
  ))!.n;
  if (n > 0)
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${table}, 'id'), ${base + n}::bigint)`,
    );
  return base + 1;
};

/**
 * Write a generated bloc (or several joined under one root) in one transaction: units, agencies,
 * members, events and periods by COPY with ids assigned here (COPY writes identity columns as given,
 * and the sequences are moved past them), then the maintained figures as `rollups` says.
 */
export const loadBloc = async (
  db: Db,
  bloc: DemoBloc,
  { parentId, rollups = 'rebuild', facts = true, onPhase }: LoadOptions = {},
): Promise<LoadedDemo> =>
  db.transaction(async (tx) => {
    let t0 = performance.now();
    const phase = (name: LoadPhase) => {
      const t = performance.now();
      onPhase?.(name, t - t0);
      t0 = t;
    };
    const parentPath = parentId === undefined ? null : await pathOf(tx, parentId);
    const unitIds = new Map<string, number>();
    const paths = new Map<string, string>();
    const firstUnit = await reserveIds(tx, 'org_units', bloc.units.length);
    bloc.units.forEach((u, i) => {
      const id = firstUnit + i;
      unitIds.set(u.key, id);
      const above = u.parentKey ? paths.get(u.parentKey)! : parentPath;
      paths.set(u.key, above ? `${above}.${id}` : String(id));
    });
    const parentOf = (u: SeedUnit) =>
      u.parentKey ? unitIds.get(u.parentKey)! : (parentId ?? null);
    const withAgency = bloc.units.filter((u) => u.agency);
    const firstAgency = await reserveIds(tx, 'agencies', withAgency.length);
    phase('prepare');
    await copyRows(
      tx,
      'org_units',
      ['id', 'kind', 'name', 'short_name', 'parent_id', 'path', 'established_on'],
      bloc.units.map((u) => [
        unitIds.get(u.key)!,
        u.kind,
        u.name,
        u.shortName,
        parentOf(u),
        paths.get(u.key)!,
        u.establishedOn,
      ]),
    );
    await copyRows(
      tx,
      'org_unit_history',
      ['org_unit_id', 'valid_from', 'kind', 'name', 'short_name', 'parent_id', 'path'],
      bloc.units.map((u) => [
        unitIds.get(u.key)!,
        u.establishedOn,
        u.kind,
        u.name,
        u.shortName,
        parentOf(u),
        paths.get(u.key)!,
      ]),
    );
    await copyRows(
      tx,
      'agencies',
      ['id', 'org_unit_id', 'name', 'kind', 'staff_count'],
      withAgency.map((u, i) => [
        firstAgency + i,
        unitIds.get(u.key)!,
        u.agency!.name,
        u.agency!.kind,
        u.agency!.staffCount,
      ]),
    );
    await copyRows(
      tx,
      'mass_organisations',
      ['agency_id', 'kind', 'name', 'member_count'],
      withAgency.flatMap((u, i) =>
        u.agency!.massOrganisations.map((m) => [firstAgency + i, m.kind, m.name, m.memberCount]),
      ),
    );

    const memberIds: number[] = [];
    const base = (await reserveIds(tx, 'members', bloc.members.length)) - 1;
    const unitOf = (key: string | null) => (key ? unitIds.get(key)! : null);
    const memberColumns = Object.keys(bloc.members[0] ?? {}).filter((k) => k !== 'events');
    const derivedColumns = [
      'orgUnitId',
      'status',
      'standing',
      'admittedOn',
      'recognisedOn',
      'partyAgeFrom',
      'temporarilyAway',
    ] as const;
    // Rows are built and copied a slice at a time, so memory holds one slice of rows, not the bloc's.
    const slice = 20_000;
    for (let from = 0; from < bloc.members.length; from += slice) {
      const memberRows: unknown[][] = [];
      const eventRows: unknown[][] = [];
      const periodRows: unknown[][] = [];
      bloc.members.slice(from, from + slice).forEach((m, j) => {
        const id = base + from + j + 1;
        memberIds.push(id);
        const t = deriveMemberTimeline(
          m.events.map((e) => ({
            kind: e.kind,
            eventDate: e.eventDate,
            orgUnitId: unitOf(e.unitKey),
            standing: (e.standing ?? null) as Standing | null,
            originalAdmittedOn: e.originalAdmittedOn ?? null,
            originalRecognisedOn: e.originalRecognisedOn ?? null,
          })),
        );
        if (t.problems.length || !t.current)
          throw new Error(`demo member ${m.fullName}: ${t.problems[0]?.message}`);
        const c = t.current;
        const record = m as unknown as Record<string, unknown>;
        memberRows.push([
          id,
          ...memberColumns.map((k) => record[k]),
          ...derivedColumns.map((k) => c[k]),
        ]);
        for (const e of m.events) {
          eventRows.push([
            id,
            e.kind,
            e.eventDate,
            unitOf(e.unitKey),
            e.externalOrg,
            e.standing,
            e.originalAdmittedOn,
            e.originalRecognisedOn,
            e.decisionNumber,
            e.note,
          ]);
        }
        for (const p of t.periods)
          periodRows.push([id, p.validFrom, p.validTo, p.orgUnitId, p.status, p.standing]);
      });
      await copyRows(
        tx,
        'members',
        ['id', ...memberColumns, ...derivedColumns].map(snake),
        memberRows as never,
      );
      await copyRows(
        tx,
        'member_events',
        [
          'member_id',
          'kind',
          'event_date',
          'org_unit_id',
          'external_org',
          'standing',
          'original_admitted_on',
          'original_recognised_on',
          'decision_number',
          'note',
        ],
        eventRows as never,
      );
      await copyRows(
        tx,
        'member_periods',
        ['member_id', 'valid_from', 'valid_to', 'org_unit_id', 'status', 'standing'],
        periodRows as never,
      );
    }
    phase('copy');
    if (rollups === 'rebuild') {
      await rebuildOrgMemberCounts(tx);
      phase('totals');
      if (facts) await rebuildPlacedFacts(tx);
      phase('facts');
    } else if (rollups === 'add') {
      // Statistics that count the rows just copied: without them the planner takes the new range
      // for a few rows and joins it by nested loops (minutes instead of seconds for a province).
      await tx.execute(
        sql`analyze members, member_events, member_periods, org_units, org_unit_history, placed_facts`,
      );
      await addSubtreeOrgMemberCounts(tx, unitIds.get(bloc.units[0].key)!, [
        memberIds[0] ?? 0,
        memberIds[memberIds.length - 1] ?? 0,
      ]);
      phase('totals');
      if (facts && memberIds.length > 0)
        await recountMembersBetween(tx, memberIds[0], memberIds[memberIds.length - 1]);
      phase('facts');
    }
    return { unitIds, memberIds };
  });

export type DemoAccount = {
  username: string;
  role: Role;
  password: string;
  displayName: string;
  scope: string;
};

const systemActor = (
  userId: number,
  username: string,
  role: Role,
  scopeOrgUnitId: number,
  scopePath: string,
): Actor => ({
  userId,
  username,
  displayName: username,
  role,
  scopeOrgUnitId,
  scopePath,
  memberId: null,
});

const pathOf = async (db: DbOrTx, id: number) =>
  (await queryOne<{ path: string }>(
    db,
    sql`select path::text as path from org_units where id = ${id}`,
  ))!.path;

/** Accounts: an administrator (must change the password at first login) and one user per role. */
export const createDemoAccounts = async (
  db: Db,
  unitIds: Map<string, number>,
): Promise<DemoAccount[]> => {
  const root = unitIds.get('P')!;
  const upper = unitIds.get('U')!;
  const committee = unitIds.get('So_Y_te')!;
  const cell = (await queryOne<{ id: number }>(
    db,
    sql`select id from org_units where parent_id = ${committee} and name = 'Chi bộ Phòng Nghiệp vụ Y'`,
  ))!.id;
  const member = (await queryOne<{ id: number; full_name: string }>(
    db,
    sql`select id, full_name from members where org_unit_id = ${cell} and status = 'full' order by id limit 1`,
  ))!;
  const specs: {
    username: string;
    role: Role;
    displayName: string;
    scope: number;
    memberId?: number;
    mustChange?: boolean;
  }[] = [
    {
      username: 'admin',
      role: 'admin',
      displayName: 'Quản trị hệ thống',
      scope: root,
      mustChange: true,
    },
    {
      username: 'vanphong',
      role: 'org_office',
      displayName: 'Nông Thị Thu Hà (Văn phòng Đảng ủy)',
      scope: upper,
    },
    {
      username: 'ubkt',
      role: 'inspection',
      displayName: 'Hoàng Văn Sơn (Ủy ban Kiểm tra)',
      scope: upper,
    },
    {
      username: 'btv',
      role: 'standing',
      displayName: 'Lương Đức Thịnh (Ban Thường vụ)',
      scope: upper,
    },
    {
      username: 'coso',
      role: 'grassroots_office',
      displayName: 'Vi Thị Hồng (Văn phòng Đảng ủy Sở Y tế)',
      scope: committee,
    },
    {
      username: 'bithu',
      role: 'cell_secretary',
      displayName: 'Lăng Văn Kiên (Bí thư Chi bộ Phòng Nghiệp vụ Y)',
      scope: cell,
    },
    {
      username: 'dangvien',
      role: 'member',
      displayName: member.full_name,
      scope: cell,
      memberId: member.id,
    },
  ];
  const out: DemoAccount[] = [];
  await db.transaction(async (tx) => {
    for (const s of specs) {
      const password = generatePassword();
      const [created] = await tx
        .insert(users)
        .values({
          username: s.username,
          displayName: s.displayName,
          passwordHash: await hashPassword(password),
          role: s.role,
          scopeOrgUnitId: s.scope,
          memberId: s.memberId ?? null,
          mustChangePassword: s.mustChange ?? false,
        })
        .returning({ id: users.id });
      await writeAudit(tx, {
        actor: null,
        action: 'account.create',
        entityType: 'user',
        entityId: created.id,
        orgUnitId: s.scope,
        after: {
          username: s.username,
          role: s.role,
          scopeOrgUnitId: s.scope,
          source: 'first start',
        },
      });
      const scopeName = (await queryOne<{ name: string }>(
        tx,
        sql`select name from org_units where id = ${s.scope}`,
      ))!.name;
      out.push({
        username: s.username,
        role: s.role,
        password,
        displayName: s.displayName,
        scope: scopeName,
      });
    }
  });
  return out;
};

/** The 2025 reform as it happened to such a committee, through the real restructuring service. */
export const applyDemoRestructuring = async (db: Db, unitIds: Map<string, number>) => {
  const office = await queryOne<{ id: number }>(
    db,
    sql`select id from users where username = 'vanphong'`,
  );
  const upper = unitIds.get('U')!;
  const actor = systemActor(office!.id, 'vanphong', 'org_office', upper, await pathOf(db, upper));
  const id = (key: string) => unitIds.get(key)!;
  const apply = (input: TOrgOperation) => applyOrgOperation({ db, actor, input });
  const common = {
    effectiveDate: '2025-03-01',
    decisionDate: '2025-02-27',
    note: 'Sắp xếp tổ chức bộ máy theo Nghị quyết 18-NQ/TW',
  };
  await apply({
    kind: 'rename',
    orgUnitId: upper,
    name: 'Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn',
    shortName: 'ĐU',
    effectiveDate: '2025-02-01',
    decisionNumber: '1589-QĐ/TU',
    decisionDate: '2025-01-31',
    note: 'Kết luận 121-KL/TW',
  });
  const merges: [source: string, target: string, decision: string][] = [
    ['So_Ke_hoach_va_Dau_tu', 'So_Tai_chinh', '1602-QĐ/TU'],
    ['So_Lao_dong_Thuong_binh_va_Xa_hoi', 'So_Noi_vu', '1603-QĐ/TU'],
    ['So_Tai_nguyen_va_Moi_truong', 'So_Nong_nghiep_va_Phat_trien_nong_thon', '1604-QĐ/TU'],
    ['So_Giao_thong_van_tai', 'So_Xay_dung', '1605-QĐ/TU'],
  ];
  for (const [source, target, decisionNumber] of merges) {
    await apply({
      kind: 'merge',
      sourceIds: [id(source)],
      targetId: id(target),
      decisionNumber,
      ...common,
    });
  }
  await apply({
    kind: 'rename',
    orgUnitId: id('So_Nong_nghiep_va_Phat_trien_nong_thon'),
    name: 'Đảng bộ Sở Nông nghiệp và Môi trường',
    decisionNumber: '1604-QĐ/TU',
    ...common,
  });
  // The information department's cell joins Science and Technology as a new cell.
  const established = await apply({
    kind: 'establish',
    parentId: id('So_Khoa_hoc_va_Cong_nghe'),
    unitKind: 'cell',
    name: 'Chi bộ Phòng Bưu chính, Viễn thông và Chuyển đổi số',
    decisionNumber: '25-QĐ/ĐU',
    ...common,
  });
  await apply({
    kind: 'merge',
    sourceIds: [id('So_Thong_tin_va_Truyen_thong')],
    targetId: established.affectedUnitIds[0],
    decisionNumber: '1606-QĐ/TU',
    ...common,
  });
};

export const isDatabaseEmpty = async (db: Db): Promise<boolean> =>
  (await queryRows<{ id: number }>(db, sql`select id from org_units limit 1`)).length === 0;

/** Everything of the first start in one transaction: a killed first start leaves nothing behind. */
export const seedDemo = async (db: Db, options: DemoOptions = {}): Promise<DemoAccount[]> =>
  db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { unitIds } = await loadDemoData(t, options, { facts: false });
    const accounts = await createDemoAccounts(t, unitIds);
    await applyDemoRestructuring(t, unitIds);
    const office = (await queryOne<{ id: number }>(
      t,
      sql`select id from users where username = 'vanphong'`,
    ))!;
    const upper = unitIds.get('U')!;
    await seedDemoLifecycle(
      t,
      systemActor(office.id, 'vanphong', 'org_office', upper, await pathOf(t, upper)),
      options.seed,
    );
    // After the dues collections: what each grassroots organisation remitted of them.
    await seedDemoRemittances(
      t,
      systemActor(office.id, 'vanphong', 'org_office', upper, await pathOf(t, upper)),
      options.seed,
    );
    const userId = async (username: string) =>
      (await queryOne<{ id: number }>(t, sql`select id from users where username = ${username}`))!
        .id;
    const upperPath = await pathOf(t, upper);
    await seedDemoInspection(t, {
      office: systemActor(office.id, 'vanphong', 'org_office', upper, upperPath),
      ubkt: systemActor(await userId('ubkt'), 'ubkt', 'inspection', upper, upperPath),
      standing: systemActor(await userId('btv'), 'btv', 'standing', upper, upperPath),
    });
    await seedDemoPlans(
      t,
      systemActor(office.id, 'vanphong', 'org_office', upper, upperPath),
      todayIso(),
      options.seed,
    );
    await seedDemoResolutions(t);
    await seedDemoNextYearTargets(
      t,
      systemActor(office.id, 'vanphong', 'org_office', upper, upperPath),
      todayIso(),
    );
    await seedDemoMeetings(t);
    await seedDemoEducation(t);
    await seedDemoProposals(t);
    await seedDemoEvaluations(
      t,
      systemActor(office.id, 'vanphong', 'org_office', upper, upperPath),
      options.seed,
    );
    // After the evaluations: the commendations' eligibility is read from the decided ratings.
    await seedDemoEmulation(t);
    await seedDemoDocuments(
      t,
      systemActor(office.id, 'vanphong', 'org_office', upper, upperPath),
      options.seed,
    );
    const province = unitIds.get('P')!;
    if (options.congresses !== false)
      await seedDemoCongresses(t, {
        office: systemActor(office.id, 'vanphong', 'org_office', upper, upperPath),
        province: systemActor(
          await userId('admin'),
          'admin',
          'admin',
          province,
          await pathOf(t, province),
        ),
      });
    // The members, dues and past evaluations were written in bulk: their figures are summed once here.
    await rebuildPlacedFacts(t);
    // Scope names as they are after the 2025 renaming.
    for (const a of accounts) {
      const row = await queryOne<{ name: string }>(
        t,
        sql`select o.name from users u join org_units o on o.id = u.scope_org_unit_id where u.username = ${a.username}`,
      );
      a.scope = row?.name ?? a.scope;
    }
    return accounts;
  });

/**
 * An empty installation (DANGVU_SEED=none): the top committee and an administrator. The committee starts
 * as a placeholder ("Đảng bộ các cơ quan Đảng tỉnh", 2025-02-01) with the set-up pending; `setup` (from
 * the environment: first-start.ts) records its real name, kind, establishment, earlier names, superior
 * and place at once, otherwise the administrator does it in the web app (Cài đặt → Thiết lập ban đầu).
 */
export const seedEmpty = async (
  db: Db,
  setup: TFirstStartSetup | null = null,
): Promise<DemoAccount[]> =>
  db.transaction(async (tx) => {
    const [root] = await tx
      .insert(orgUnits)
      .values({
        kind: 'upper_committee',
        name: 'Đảng bộ các cơ quan Đảng tỉnh',
        shortName: 'ĐU',
        path: '0',
        establishedOn: '2025-02-01',
      })
      .returning({ id: orgUnits.id });
    await tx.execute(
      sql`update org_units set path = ${String(root.id)}::ltree where id = ${root.id}`,
    );
    await tx.insert(orgUnitHistory).values({
      orgUnitId: root.id,
      validFrom: '2025-02-01',
      kind: 'upper_committee',
      name: 'Đảng bộ các cơ quan Đảng tỉnh',
      shortName: 'ĐU',
      path: String(root.id),
    });
    await tx.execute(sql`insert into settings (key, value) values (${setupPendingKey}, 'true'::jsonb)
      on conflict (key) do update set value = excluded.value`);
    if (setup) await applyFirstStartSetup(tx, null, setup);
    const password = generatePassword();
    await tx.insert(users).values({
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      passwordHash: await hashPassword(password),
      role: 'admin',
      scopeOrgUnitId: root.id,
      mustChangePassword: true,
    });
    return [
      {
        username: 'admin',
        role: 'admin' as Role,
        password,
        displayName: 'Quản trị hệ thống',
        scope: setup?.name ?? 'Đảng bộ các cơ quan Đảng tỉnh',
      },
    ];
  });
