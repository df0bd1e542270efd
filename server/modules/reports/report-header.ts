// The parts of the annual report that a Party document takes from its issuer and its date
// (docs/domain/document-format.md): the superior and issuing bodies as they were named on the
// document's date (the tree is effective-dated in `org_unit_history`), the issuer code, the place
// (setting `reports.place`), the date, "Nơi nhận" and the signature block. A 2020 report of today's
// "Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn" is headed "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH LẠNG SƠN".
import { type DbOrTx, queryOne, sql } from '../../db/client';
import { readSetting } from '../../db/settings';
import { issuerCodeOf } from '../documents';

export type ReportHeader = {
  superiorName: string;
  issuerName: string;
  issuerCode: string;
  selfName: string;
  place: string;
  issuedOn: string;
  recipients: string[];
  signer: { authority: string; title: string; name: string };
};

/** Settings an administrator keeps on the page "Cài đặt" (server/modules/settings). */
export const settingKeys = {
  place: 'reports.place',
  superiorName: 'org.superiorName',
} as const;

const todayInVietnam = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/**
 * The date a draft of year N carries unless the user chooses one: today while year N (or later) runs,
 * else the last day of year N, so that a past year's report is dated, and named, as of that year.
 */
export const defaultReportDate = (year: number, today = todayInVietnam()): string =>
  today <= `${year}-12-31` ? today : `${year}-12-31`;

const upper = (s: string) => s.toLocaleUpperCase('vi-VN');

/** "Đảng bộ Khối …" → "Đảng ủy Khối …": the committee issues for its Đảng bộ; a chi bộ issues as itself. */
export const committeeName = (name: string) => name.replace(/^Đảng bộ/u, 'Đảng ủy');

/** "Đảng bộ tỉnh Lạng Sơn" → "Tỉnh ủy Lạng Sơn"; "Đảng bộ thành phố Hà Nội" → "Thành ủy Hà Nội". */
export const superiorCommitteeName = (name: string) =>
  name
    .replace(/^Đảng bộ tỉnh\s+/iu, 'Tỉnh ủy ')
    .replace(/^Đảng bộ thành phố\s+/iu, 'Thành ủy ')
    .replace(/^Đảng bộ/u, 'Đảng ủy');

/** "Đảng bộ tỉnh Lạng Sơn" → "Lạng Sơn": the place a provincial body's documents are dated at. */
export const placeFromSuperior = (name: string) =>
  /^Đảng bộ (tỉnh|thành phố)\s+/iu.test(name)
    ? name.replace(/^Đảng bộ (tỉnh|thành phố)\s+/iu, '')
    : '';

const isCell = (kind: string) => kind === 'grassroots_cell' || kind === 'cell';

export const signerOf = (kind: string) =>
  isCell(kind)
    ? { authority: 'T/M CHI BỘ', title: 'BÍ THƯ' }
    : kind === 'grassroots_committee' || kind === 'sub_committee'
      ? { authority: 'T/M ĐẢNG ỦY', title: 'BÍ THƯ' }
      : { authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ' };

/**
 * "Nơi nhận" of a report (36-HD/VPTW, part "nơi nhận văn bản"): the bodies it reports to first, marked
 * "(b/c)" (để báo cáo), then the bodies informed, one line each starting with "-" and ending with ",", and
 * last the archive ("- Lưu Văn phòng Đảng ủy."), ending with ".". A report goes up: to the superior
 * committee's standing committee and its Party-building departments for an upper committee, to the
 * superior committee otherwise.
 */
export const recipientsOf = (unit: { kind: string }, superiorName: string | null): string[] => {
  const superior = superiorName ? superiorCommitteeName(superiorName) : null;
  const up =
    unit.kind === 'upper_committee'
      ? // Without the superior's name (an installation set up before the setting existed, no
        // province in the tree): the provincial committee, unnamed, as reports have always said.
        [
          `- Ban Thường vụ ${superior ?? 'Tỉnh ủy'} (b/c),`,
          `- Các ban xây dựng Đảng ${superior ?? 'Tỉnh ủy'},`,
        ]
      : superior
        ? [`- ${superior} (b/c),`]
        : [];
  return [
    ...up,
    isCell(unit.kind) ? '- Các đảng viên trong chi bộ,' : '- Các tổ chức đảng trực thuộc,',
    isCell(unit.kind) ? '- Lưu Chi bộ.' : '- Lưu Văn phòng Đảng ủy.',
  ];
};

type Named = { name: string; kind: string; parent_id: number | null };

/** A unit as it was on a date: the history interval holding it, else its first, else today's row. */
const unitOn = async (db: DbOrTx, unitId: number, date: string): Promise<Named | undefined> =>
  (await queryOne<Named>(
    db,
    sql`select name, kind, parent_id from org_unit_history where org_unit_id = ${unitId}
        and valid_from <= ${date} and (valid_to is null or valid_to > ${date})
        order by valid_from desc, id desc limit 1`,
  )) ??
  (await queryOne<Named>(
    db,
    sql`select name, kind, parent_id from org_unit_history where org_unit_id = ${unitId}
        order by valid_from, id limit 1`,
  )) ??
  (await queryOne<Named>(
    db,
    sql`select name, kind, parent_id from org_units where id = ${unitId}`,
  ));

/** The header, place, date, recipients and signer of a unit's report dated `issuedOn`. */
export const reportHeader = async (
  db: DbOrTx,
  unitId: number,
  issuedOn: string,
): Promise<ReportHeader> => {
  const unit = (await unitOn(db, unitId, issuedOn))!;
  const parent = unit.parent_id ? await unitOn(db, unit.parent_id, issuedOn) : null;
  // The top of the tree names its superior from the setting kept at the first start.
  const superior =
    parent?.name ?? (await readSetting<string>(db, settingKeys.superiorName))?.trim() ?? '';
  const setPlace = (await readSetting<string>(db, settingKeys.place))?.trim();
  let place = setPlace || placeFromSuperior(superior);
  if (!place) {
    // A unit deeper in a province's tree: the province above it.
    const province = await queryOne<{ name: string }>(
      db,
      sql`select a.name from org_units u join org_units a on a.path @> u.path
          where u.id = ${unitId} and a.kind = 'province_committee'
          order by nlevel(a.path) desc limit 1`,
    );
    place = province ? placeFromSuperior(province.name) : '';
  }
  return {
    superiorName: superior ? upper(superior) : '',
    issuerName: upper(isCell(unit.kind) ? unit.name : committeeName(unit.name)),
    issuerCode: await issuerCodeOf(db, { id: unitId, kind: unit.kind }),
    selfName: isCell(unit.kind) ? 'Chi bộ' : 'Đảng bộ',
    place,
    issuedOn,
    recipients: recipientsOf(unit, superior || null),
    signer: { ...signerOf(unit.kind), name: '' },
  };
};

/** A report of year N is dated within year N or after it (the annual report is signed at year's end). */
export const documentDateProblem = (year: number, date: string): string | null =>
  date < `${year}-01-01`
    ? `Báo cáo năm ${year} không thể ghi ngày trước ngày 01/01/${year}.`
    : null;
