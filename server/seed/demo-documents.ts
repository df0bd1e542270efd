// The demo register of outgoing documents (sổ văn bản đi) of the bloc committee and two grassroots
// committees, January 2024 – October 2026: numbers per type code restart with the 2025–2030 term
// (docs/domain/document-format.md), taken through the register's own service so every rule applies. Includes the
// annual reports of 2024 and 2025 (the 2025 one issued in December 2025, a draft is not seeded).
import type { DocumentType } from '../../domain/reports/document-types';
import { type Db, queryOne, sql } from '../db/client';
import { registerDocument } from '../modules/documents';
import type { Actor } from '../platform/access/actor';
import { createRandom } from './random';

const titles: Partial<Record<DocumentType, string[]>> = {
  official_letter: [
    'V/v báo cáo kết quả thực hiện nhiệm vụ tháng {m}',
    'V/v đôn đốc thu, nộp đảng phí quý',
    'V/v rà soát hồ sơ đảng viên chuyển sinh hoạt',
    'V/v đề nghị xét tặng Huy hiệu Đảng đợt {d}',
    'V/v chuẩn bị hội nghị sơ kết công tác xây dựng Đảng',
  ],
  notice: [
    'Thông báo kết luận của Ban Thường vụ tại phiên họp tháng {m}',
    'Thông báo phân công nhiệm vụ cấp ủy viên',
  ],
  plan: [
    'Kế hoạch học tập, quán triệt nghị quyết của Trung ương',
    'Kế hoạch kiểm tra, giám sát năm {y}',
    'Kế hoạch kiểm điểm, đánh giá, xếp loại chất lượng năm {y}',
  ],
  report: ['Báo cáo sơ kết công tác xây dựng Đảng 6 tháng đầu năm {y}'],
  resolution: ['Nghị quyết lãnh đạo thực hiện nhiệm vụ chính trị quý'],
  decision: ['Quyết định chuẩn y kết quả bầu cử cấp ủy', 'Quyết định kết nạp đảng viên'],
  guidance: ['Hướng dẫn tổ chức sinh hoạt chi bộ chuyên đề năm {y}'],
};

const mix: readonly (readonly [DocumentType, number])[] = [
  ['official_letter', 10],
  ['notice', 5],
  ['plan', 3],
  ['decision', 4],
  ['report', 2],
  ['resolution', 1],
  ['guidance', 1],
];

const fill = (template: string, date: string) =>
  template
    .replace('{m}', String(Number(date.slice(5, 7))))
    .replace('{y}', date.slice(0, 4))
    .replace('{d}', date.slice(5, 7) === '09' ? '2/9' : '3/2');

export const seedDemoDocuments = async (db: Db, office: Actor, seed = 7) => {
  const rng = createRandom(seed + 77);
  const issuers = [
    { name: null, perMonth: [3, 6] },
    { name: 'Đảng bộ Sở Tài chính', perMonth: [0, 2] },
    { name: 'Đảng bộ Sở Giáo dục và Đào tạo', perMonth: [0, 2] },
  ] as const;
  for (const spec of issuers) {
    const unit = await queryOne<{ id: number; kind: string }>(
      db,
      spec.name
        ? sql`select id, kind from org_units where name = ${spec.name} and dissolved_on is null limit 1`
        : sql`select id, kind from org_units where id = ${office.scopeOrgUnitId}`,
    );
    if (!unit) continue;
    for (let month = 0; month < 34; month++) {
      const year = 2024 + Math.floor(month / 12);
      const m = String((month % 12) + 1).padStart(2, '0');
      const days = Array.from({ length: rng.int(spec.perMonth[0], spec.perMonth[1]) }, () =>
        rng.int(2, 28),
      ).sort((a, b) => a - b);
      for (const day of days) {
        const date = `${year}-${m}-${String(day).padStart(2, '0')}`;
        let type = rng.weighted(mix);
        if (unit.kind !== 'upper_committee' && type === 'guidance') type = 'notice';
        await registerDocument(db, {
          actor: office,
          issuer: unit,
          type,
          title: fill(rng.pick(titles[type]!), date),
          issuedOn: date,
          signer: rng.pick(['Hoàng Văn Minh', 'Lương Thị Hoa', 'Vi Văn Thắng']),
        });
      }
      // The annual report of the year before, at the December conference.
      if (m === '12' && !spec.name)
        await registerDocument(db, {
          actor: office,
          issuer: unit,
          type: 'report',
          title: `Báo cáo tổng kết công tác xây dựng Đảng năm ${year}, phương hướng, nhiệm vụ năm ${year + 1}`,
          issuedOn: `${year}-12-15`,
          signer: 'Hoàng Văn Minh',
        });
    }
  }
};
