// Settings an administrator keeps: the place and superior printed on Party documents, and the
// first-start set-up of the top committee (DANGVU_SEED=none). Each change is one transaction with its
// audit record. docs/domain/document-format.md, docs/domain/organisation-tree.md.
import type {
  TDocumentSettings,
  TFirstStartSetup,
  TSettingsView,
} from '../../../contracts/settings';
import {
  allowedChildKinds,
  type OrgUnitKind,
  orgUnitKindLabels,
} from '../../../domain/enums/org-units';
import { formatDate } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { readSetting, writeSetting } from '../../db/settings';
import type { Actor } from '../../platform/access/actor';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { AppError, invalidField } from '../../platform/errors';
import { placeFromSuperior, settingKeys } from '../reports';
import { rootNameIntervals } from './first-start.policy';

/** Set while the top committee of an empty installation still carries the placeholder values. */
export const setupPendingKey = 'setup.pending';

type Root = { id: number; name: string; kind: OrgUnitKind; established_on: string; path: string };

/** The top of the actor's tree: the administrator's scope unit, when it has no parent. */
const rootOf = async (db: DbOrTx, actor: Actor | null, lock = false): Promise<Root> => {
  const row = await queryOne<Root>(
    db,
    actor
      ? sql`select id, name, kind, established_on, path::text as path from org_units
            where id = ${actor.scopeOrgUnitId} and parent_id is null ${lock ? sql`for update` : sql``}`
      : sql`select id, name, kind, established_on, path::text as path from org_units
            where parent_id is null order by id limit 1 ${lock ? sql`for update` : sql``}`,
  );
  if (!row)
    throw new AppError('BAD_REQUEST', {
      message: 'Chỉ quản trị viên của tổ chức cấp cao nhất mới thay đổi được cài đặt này.',
    });
  return row;
};

export const readSettings = async (db: Db, actor: Actor): Promise<TSettingsView> => {
  const root = await rootOf(db, actor);
  const place = (await readSetting<string>(db, settingKeys.place)) ?? '';
  const superiorName = (await readSetting<string>(db, settingKeys.superiorName)) ?? '';
  const history = await queryRows<{ name: string; valid_from: string; valid_to: string | null }>(
    db,
    sql`select name, valid_from, valid_to from org_unit_history where org_unit_id = ${root.id}
        order by valid_from, id`,
  );
  return {
    document: { place, superiorName },
    derivedPlace: placeFromSuperior(superiorName),
    setupPending: (await readSetting<boolean>(db, setupPendingKey)) === true,
    root: {
      id: root.id,
      name: root.name,
      kind: root.kind,
      establishedOn: root.established_on,
      history: history.map((h) => ({ name: h.name, validFrom: h.valid_from, validTo: h.valid_to })),
    },
  };
};

export const saveDocumentSettings = async (db: Db, actor: Actor, input: TDocumentSettings) =>
  db.transaction(async (tx) => {
    const root = await rootOf(tx, actor);
    const before = {
      place: (await readSetting<string>(tx, settingKeys.place)) ?? '',
      superiorName: (await readSetting<string>(tx, settingKeys.superiorName)) ?? '',
    };
    await writeSetting(tx, settingKeys.place, input.place);
    await writeSetting(tx, settingKeys.superiorName, input.superiorName);
    await writeAudit(tx, {
      actor,
      action: 'settings.document',
      entityType: 'settings',
      entityId: null,
      orgUnitId: root.id,
      before,
      after: input,
    });
  });

/**
 * The first-start set-up: the top committee's name, kind, establishment date, earlier names, superior
 * and place. Only while the set-up is pending; afterwards the tree changes by dated decisions (Tổ chức
 * đảng → Đổi tên) and the place and superior on the settings page. `actor` null: from the environment.
 */
export const applyFirstStartSetup = async (
  tx: DbOrTx,
  actor: Actor | null,
  input: TFirstStartSetup,
) => {
  if ((await readSetting<boolean>(tx, setupPendingKey)) !== true)
    throw new AppError('CONFLICT', {
      message:
        'Đã thiết lập ban đầu. Đổi tên tổ chức bằng quyết định "Đổi tên" ở trang Tổ chức đảng; nơi ban hành và cấp trên ở trang Cài đặt.',
    });
  const root = await rootOf(tx, actor, true);
  const history = rootNameIntervals(input, todayIso());
  if (!history.ok) throw invalidField(history.field, history.message);
  const children = await queryRows<{ name: string; kind: OrgUnitKind; established_on: string }>(
    tx,
    sql`select name, kind, established_on from org_units where parent_id = ${root.id}
        and dissolved_on is null order by established_on`,
  );
  for (const c of children) {
    if (!allowedChildKinds[input.kind].includes(c.kind))
      throw invalidField(
        'kind',
        `${c.name} (${orgUnitKindLabels[c.kind].toLowerCase()}) không thể trực thuộc ${orgUnitKindLabels[input.kind].toLowerCase()}.`,
      );
    if (c.established_on < input.establishedOn)
      throw invalidField(
        'establishedOn',
        `${c.name} đã thành lập ngày ${formatDate(c.established_on)}, trước ngày thành lập ${formatDate(input.establishedOn)}.`,
      );
  }
  await tx.execute(
    sql`update org_units set name = ${input.name}, kind = ${input.kind},
          established_on = ${input.establishedOn}, version = version + 1, updated_at = now()
        where id = ${root.id}`,
  );
  await tx.execute(sql`delete from org_unit_history where org_unit_id = ${root.id}`);
  for (const h of history.intervals)
    await tx.execute(
      sql`insert into org_unit_history (org_unit_id, valid_from, valid_to, kind, name, short_name, parent_id, path)
          select id, ${h.validFrom}, ${h.validTo}, kind, ${h.name}, short_name, null, path
          from org_units where id = ${root.id}`,
    );
  await writeSetting(tx, settingKeys.place, input.place);
  await writeSetting(tx, settingKeys.superiorName, input.superiorName);
  await writeSetting(tx, setupPendingKey, false);
  await writeAudit(tx, {
    actor,
    action: 'settings.first_start',
    entityType: 'org_unit',
    entityId: root.id,
    orgUnitId: root.id,
    before: { name: root.name, kind: root.kind, establishedOn: root.established_on },
    after: input,
  });
};

export const firstStartSetup = (db: Db, actor: Actor, input: TFirstStartSetup) =>
  db.transaction((tx) => applyFirstStartSetup(tx, actor, input));
