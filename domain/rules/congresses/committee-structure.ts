// The structure of a committee (cơ cấu cấp ủy): counts and shares of young members, women, ethnic
// minorities and re-elected members on a date, and the gaps against the personnel plan (đề án nhân
// sự), docs/domain/congresses.md "Committee structure". Pure.
// The directives set goals, not conditions of validity: a gap is reported, never refused.
// Parameters (`committeeStructureDefaults`): the age under which a member counts as young
// (❓ docs/domain/congresses.md).

export type CommitteeMember = {
  id: string;
  /** ISO date; null when unknown. */
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  /** Dân tộc as recorded ("Kinh", "Tày", …); null when unknown. */
  ethnicity?: string | null;
  /** Explicit flag; when null/omitted, derived from `ethnicity` (anything but "Kinh"). */
  isEthnicMinority?: boolean | null;
  /** Trình độ (free text, reported as is). */
  education?: string | null;
  /** Tái cử: was a member of the outgoing committee; null when unknown. */
  reElected: boolean | null;
};

export const structureIndicators = ['young', 'women', 'ethnicMinority', 'reElected'] as const;
export type StructureIndicator = (typeof structureIndicators)[number];

export const structureIndicatorLabels: Record<StructureIndicator, string> = {
  young: 'cấp ủy viên trẻ',
  women: 'cấp ủy viên nữ',
  ethnicMinority: 'cấp ủy viên người dân tộc thiểu số',
  reElected: 'cấp ủy viên tái cử',
};

export const committeeStructureDefaults = {
  /** Young = under this age (full years) on the date (❓ Chỉ thị 45-CT/TW, docs/domain/congresses.md). */
  youngAgeBelow: 40,
};
export type CommitteeStructureParams = typeof committeeStructureDefaults;

export type IndicatorFigure = {
  count: number;
  /** count / members with the fact known, null when none is known. */
  share: number | null;
  /** Members whose fact is unknown (not counted either way). */
  unknown: number;
};

/** The three age groups of Chỉ thị 35-CT/TW (2019): under 40, 40 to 50, over 50 (full years). */
export type AgeBands = { under40: number; from40to50: number; over50: number; unknown: number };

export type CommitteeStructure = {
  size: number;
  asOf: string;
  youngAgeBelow: number;
  figures: Record<StructureIndicator, IndicatorFigure>;
  ageBands: AgeBands;
  /** Trình độ as recorded → count (blank = "Chưa ghi"). */
  education: Record<string, number>;
};

/** Full years of age on a date (ISO strings); null for an invalid or later birth date. */
export const ageOn = (birthDate: string, date: string): number | null => {
  if (!/^\d{4}-\d{2}-\d{2}/.test(birthDate) || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  const by = Number(birthDate.slice(0, 4));
  const y = Number(date.slice(0, 4));
  let age = y - by;
  if (date.slice(5, 10) < birthDate.slice(5, 10)) age -= 1;
  return age >= 0 ? age : null;
};

const minorityOf = (m: CommitteeMember): boolean | null => {
  if (m.isEthnicMinority !== undefined && m.isEthnicMinority !== null) return m.isEthnicMinority;
  const e = m.ethnicity?.normalize('NFC').trim().toLowerCase();
  if (!e) return null;
  return e !== 'kinh';
};

const figure = (values: (boolean | null)[]): IndicatorFigure => {
  const known = values.filter((v): v is boolean => v !== null);
  const count = known.filter(Boolean).length;
  return {
    count,
    share: known.length > 0 ? count / known.length : null,
    unknown: values.length - known.length,
  };
};

/** Counts and shares of a committee's members on a date (ISO). */
export const committeeStructure = (
  members: readonly CommitteeMember[],
  asOf: string,
  params: Partial<CommitteeStructureParams> = {},
): CommitteeStructure => {
  const { youngAgeBelow } = { ...committeeStructureDefaults, ...params };
  const education: Record<string, number> = {};
  const ageBands: AgeBands = { under40: 0, from40to50: 0, over50: 0, unknown: 0 };
  for (const m of members) {
    const age = m.birthDate ? ageOn(m.birthDate, asOf) : null;
    if (age === null) ageBands.unknown += 1;
    else if (age < 40) ageBands.under40 += 1;
    else if (age <= 50) ageBands.from40to50 += 1;
    else ageBands.over50 += 1;
  }
  for (const m of members) {
    const key = m.education?.trim() || 'Chưa ghi';
    education[key] = (education[key] ?? 0) + 1;
  }
  return {
    size: members.length,
    asOf,
    youngAgeBelow,
    figures: {
      young: figure(
        members.map((m) => {
          const age = m.birthDate ? ageOn(m.birthDate, asOf) : null;
          return age === null ? null : age < youngAgeBelow;
        }),
      ),
      women: figure(members.map((m) => (m.sex === null ? null : m.sex === 'female'))),
      ethnicMinority: figure(members.map(minorityOf)),
      reElected: figure(members.map((m) => m.reElected)),
    },
    ageBands,
    education,
  };
};

/** The personnel plan's structure (đề án nhân sự): size and goals, every part optional. */
export type PersonnelPlan = {
  size?: number;
  /** At least this share (0–1), e.g. women ≥ 0.15. */
  minShare?: Partial<Record<StructureIndicator, number>>;
  /** At most this share (0–1), e.g. re-elected ≤ 0.7. */
  maxShare?: Partial<Record<StructureIndicator, number>>;
  /** At least this many, e.g. one woman in the standing committee. */
  minCount?: Partial<Record<StructureIndicator, number>>;
};

export type StructureGap = {
  indicator: StructureIndicator | 'size';
  kind: 'size' | 'min_share' | 'max_share' | 'min_count' | 'unknown';
  planned: number;
  actual: number | null;
  message: string;
};

const pct = (r: number) => `${(Math.round(r * 1000) / 10).toString().replace('.', ',')}%`;

/** Where a committee falls short of (or beyond) its plan, with Vietnamese messages. */
export const structureGaps = (
  structure: CommitteeStructure,
  plan: PersonnelPlan,
): StructureGap[] => {
  const gaps: StructureGap[] = [];
  if (plan.size !== undefined && plan.size !== structure.size)
    gaps.push({
      indicator: 'size',
      kind: 'size',
      planned: plan.size,
      actual: structure.size,
      message:
        structure.size < plan.size
          ? `Cấp ủy có ${structure.size} ủy viên, thiếu ${plan.size - structure.size} so với đề án (${plan.size}).`
          : `Cấp ủy có ${structure.size} ủy viên, vượt ${structure.size - plan.size} so với đề án (${plan.size}).`,
    });
  for (const ind of structureIndicators) {
    const f = structure.figures[ind];
    const label = structureIndicatorLabels[ind];
    const min = plan.minShare?.[ind];
    const max = plan.maxShare?.[ind];
    const minCount = plan.minCount?.[ind];
    if ((min !== undefined || max !== undefined || minCount !== undefined) && f.unknown > 0)
      gaps.push({
        indicator: ind,
        kind: 'unknown',
        planned: min ?? max ?? minCount ?? 0,
        actual: null,
        message: `Chưa đủ thông tin để tính tỷ lệ ${label}: ${f.unknown} ủy viên chưa có dữ liệu.`,
      });
    if (min !== undefined && f.share !== null && f.share < min)
      gaps.push({
        indicator: ind,
        kind: 'min_share',
        planned: min,
        actual: f.share,
        message: `Tỷ lệ ${label} ${pct(f.share)} (${f.count}/${structure.size - f.unknown}), thấp hơn đề án (từ ${pct(min)} trở lên).`,
      });
    if (max !== undefined && f.share !== null && f.share > max)
      gaps.push({
        indicator: ind,
        kind: 'max_share',
        planned: max,
        actual: f.share,
        message: `Tỷ lệ ${label} ${pct(f.share)} (${f.count}/${structure.size - f.unknown}), cao hơn đề án (không quá ${pct(max)}).`,
      });
    if (minCount !== undefined && f.count < minCount)
      gaps.push({
        indicator: ind,
        kind: 'min_count',
        planned: minCount,
        actual: f.count,
        message: `Có ${f.count} ${label}, ít hơn đề án (ít nhất ${minCount}).`,
      });
  }
  return gaps;
};

/**
 * The structure goals a round's directive states, as a plan to compare with (`structureGaps`). Only
 * what was read is here (docs/domain/congresses.md):
 *  - round 2020–2025, provincial and district committees (Chỉ thị 35-CT/TW 30/5/2019): members under
 *    40 "từ 10% trở lên" ✅ (the 40–50 band "khoảng 40–50%" is reported by `ageBands`, not a gap);
 *  - grassroots committees of that round: the provincial standing committee guides ❓ — no default;
 *  - round 2025–2030 (Chỉ thị 45-CT/TW): the shares were not read ❓ — no default.
 * Women, ethnic minorities and re-elected shares are set per committee in its personnel plan.
 */
export const directiveStructureGoals = (
  round: 'round-2020-2025' | 'round-2025-2030',
  level: 'grassroots' | 'district' | 'province',
): PersonnelPlan => {
  if (round === 'round-2020-2025' && level !== 'grassroots') return { minShare: { young: 0.1 } };
  return {};
};
