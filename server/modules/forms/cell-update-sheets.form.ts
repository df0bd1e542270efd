// The yearly phiếu bổ sung hồ sơ đảng viên (mẫu 3-HSĐV ❓, Hướng dẫn 12-HD/BTCTW; see
// member-update-sheet.form.ts) of a whole cell at once: offices print the sheets of every member of a
// cell each year for the members to fill in. One DOCX, one sheet per member who belonged to the cell
// on 31/12 of the year (today, in the current year), in the member list's Vietnamese name order
// (given name, then the full name), each sheet its own section so that it starts on a new page. Every
// sheet is the single sheet's (`loadUpdateSheet`, `updateSheetChildren`): the same items, the same
// need-to-know rule for discipline. docs/domain/forms.md.
import type { FormFormat } from '../../../contracts/forms';
import { formatDate, formatNumber } from '../../../domain/text/vietnamese';
import { type Db, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { AppError } from '../../platform/errors';
import { activeStatusList } from '../figures';
import { documentFormatOf, renderDocument, todayInVietnam } from './docx-kit';
import { deliverForm } from './forms.service';
import { asciiName } from './member-record.form';
import {
  lastFullYear,
  loadUpdateSheet,
  refuseFutureYear,
  updateSheetChildren,
} from './member-update-sheet.form';

/**
 * The most sheets one file holds. A cell has at most a few hundred members (a large cell of a big
 * hospital or a residential area); a bigger roll is not a cell's, and one file of thousands of pages
 * is no longer a print job.
 */
export const MAX_CELL_SHEETS = 500;

/** The unit kinds that hold members directly: a chi bộ trực thuộc and a chi bộ cơ sở. */
const cellKinds = new Set(['cell', 'grassroots_cell']);

/**
 * The members of the cell on `day` (in the party: dự bị, chính thức, miễn sinh hoạt, đình chỉ), in
 * the member list's order. A former member now placed outside the actor's subtree is left out, as on
 * the dues sheet: their record is no longer the actor's to read.
 */
export const cellRollOn = (db: Db, actor: Actor, cellId: number, day: string) =>
  queryRows<{ id: number; full_name: string }>(
    db,
    sql`select m.id, m.full_name from members m
        where exists (select 1 from member_periods p where p.member_id = m.id
            and p.org_unit_id = ${cellId} and p.status in (${activeStatusList})
            and p.valid_from <= ${day} and (p.valid_to is null or p.valid_to > ${day}))
          and exists (select 1 from org_units now_in where now_in.id = m.org_unit_id
            and ${inScope(actor, sql`now_in.path`)})
        order by m.given_name collate "vi", m.full_name collate "vi", m.id`,
  );

/** `GET /api/forms/cells/{id}/phieu-bo-sung`: the sheets of every member of the cell for a year. */
export const cellUpdateSheetsForm = async ({
  db,
  actor,
  cellId,
  year = lastFullYear(),
  format,
}: {
  db: Db;
  actor: Actor;
  cellId: number;
  year?: number;
  format: FormFormat;
}) => {
  const unit = await getUnitInScope(db, actor, cellId);
  if (!cellKinds.has(unit.kind))
    throw new AppError('BAD_REQUEST', {
      message:
        'Phiếu bổ sung hồ sơ in theo từng chi bộ: hãy chọn một chi bộ (chi bộ trực thuộc hoặc chi bộ cơ sở), không chọn đảng bộ.',
    });
  refuseFutureYear(year);
  const today = todayInVietnam();
  const day = `${year}-12-31` < today ? `${year}-12-31` : today;
  const roll = await cellRollOn(db, actor, unit.id, day);
  if (roll.length === 0)
    throw new AppError('BAD_REQUEST', {
      message: `${unit.name} không có đảng viên nào sinh hoạt ngày ${formatDate(day)}: không có phiếu bổ sung hồ sơ năm ${year} để in.`,
    });
  if (roll.length > MAX_CELL_SHEETS)
    throw new AppError('BAD_REQUEST', {
      message: `${unit.name} có ${formatNumber(roll.length)} đảng viên ngày ${formatDate(day)}, quá ${formatNumber(MAX_CELL_SHEETS)} phiếu một lần in: hãy in phiếu của từng đảng viên từ hồ sơ.`,
    });
  const fmt = await documentFormatOf(db);
  const sheets = [];
  for (const m of roll) sheets.push(await loadUpdateSheet(db, actor, m.id, year));
  const docx = await renderDocument(
    `Phiếu bổ sung hồ sơ đảng viên năm ${year} – ${unit.name}`,
    sheets.map((s) => ({ children: updateSheetChildren(s, fmt) })),
    fmt,
  );
  return deliverForm({
    db,
    actor,
    docx,
    format,
    baseName: `phieu-bo-sung-ho-so-${year}-${asciiName(unit.name)}`,
    audit: {
      form: 'phieu-bo-sung-ho-so-chi-bo',
      entityType: 'org_unit',
      entityId: unit.id,
      orgUnitId: unit.id,
      meta: {
        year,
        asOf: day,
        members: roll.length,
        memberIds: roll.map((m) => m.id),
        sensitive: sheets.some((s) => s.discipline !== null),
      },
    },
  });
};
