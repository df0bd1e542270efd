// Which congress an organisation holds: a congress of all members (đại hội toàn thể đảng viên,
// "đại hội đảng viên") or a congress of delegates (đại hội đại biểu), docs/domain/congresses.md.
// Điều lệ Đảng: the highest leading body of each level is its congress of delegates or of members.
// A cell (chi bộ) always holds a congress of members; a committee above the grassroots (cấp trên cơ
// sở and up) a congress of delegates; a grassroots committee (đảng bộ cơ sở) by its number of members.
// Chỉ thị 35-CT/TW (30/5/2019) §4, round 2020–2025: "đảng bộ cơ sở nói chung tiến hành đại hội đảng
// viên"; below 200 members, with difficulty in holding a congress of members and the agreement of the
// upper committee directly above, a congress of delegates; from 200 members, a congress of delegates.
// Round 2025–2030 (Chỉ thị 35-CT/TW 14/6/2024, replaced by Chỉ thị 45-CT/TW 14/4/2025): the threshold
// was not read; 200 is kept as the default (`grassrootsDelegatesFrom`, ❓ docs/domain/congresses.md).

export type OrganisationLevel = 'cell' | 'grassroots' | 'upper';
export type CongressKind = 'members' | 'delegates';

export const congressKindLabels: Record<CongressKind, string> = {
  members: 'Đại hội đảng viên',
  delegates: 'Đại hội đại biểu',
};

/** A congress round (nhiệm kỳ) and its directive. */
export type CongressRound = {
  code: 'round-2020-2025' | 'round-2025-2030';
  name: string;
  directive: string;
  /** Congresses held from this day (ISO) belong to the round (the first directive's date). */
  from: string;
  /**
   * A grassroots committee with at least this many members holds a congress of delegates; below it a
   * congress of members unless the upper committee agrees to one of delegates. 200 in 35-CT/TW 2019
   * §4 ✅; 2025–2030 ❓ (default 200).
   */
  grassrootsDelegatesFrom: number;
};

export const congressRounds: readonly CongressRound[] = [
  {
    code: 'round-2020-2025',
    name: 'Nhiệm kỳ 2020 – 2025',
    directive: 'Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị',
    from: '2019-05-30',
    grassrootsDelegatesFrom: 200,
  },
  {
    code: 'round-2025-2030',
    name: 'Nhiệm kỳ 2025 – 2030',
    directive:
      'Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị, được thay thế bởi Chỉ thị số 45-CT/TW ngày 14/4/2025',
    from: '2024-06-14',
    grassrootsDelegatesFrom: 200,
  },
];

/** The round a congress held on a date (ISO) belongs to; null before 30/5/2019. */
export const congressRoundFor = (date: string): CongressRound | null =>
  [...congressRounds].reverse().find((r) => r.from <= date) ?? null;

export type CongressKindInput = {
  level: OrganisationLevel;
  /** Members of the organisation (đảng viên) when the congress is convened. */
  partyMembers: number;
  /** Day of the congress (ISO); decides the round. */
  heldOn: string;
  /**
   * The upper committee directly above agreed to a congress of delegates below the threshold
   * (35-CT/TW 2019 §4: "có khó khăn về điều kiện tổ chức đại hội đảng viên, nếu được cấp ủy cấp trên
   * trực tiếp đồng ý"); 'members' at or above the threshold is refused. Null or omitted = none.
   */
  upperCommitteeDecision?: CongressKind | null;
  /** Override of the round's threshold (an administrator's setting). */
  grassrootsDelegatesFrom?: number;
};

export type CongressKindResult =
  | { ok: true; kind: CongressKind; round: CongressRound['code'] | null; reason: string }
  | { ok: false; errors: string[] };

export const congressKind = (input: CongressKindInput): CongressKindResult => {
  const errors: string[] = [];
  if (!Number.isInteger(input.partyMembers) || input.partyMembers < 0)
    errors.push('Số đảng viên phải là số nguyên không âm.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.heldOn)) errors.push('Ngày đại hội không hợp lệ.');
  if (errors.length > 0) return { ok: false, errors };
  const round = congressRoundFor(input.heldOn);
  const roundCode = round?.code ?? null;
  const source = round ? round.directive : 'Điều lệ Đảng';
  if (input.level === 'cell')
    return {
      ok: true,
      kind: 'members',
      round: roundCode,
      reason: `Chi bộ tổ chức đại hội đảng viên (${source}).`,
    };
  if (input.level === 'upper')
    return {
      ok: true,
      kind: 'delegates',
      round: roundCode,
      reason: `Đảng bộ cấp trên cơ sở trở lên tổ chức đại hội đại biểu (${source}).`,
    };
  const threshold =
    input.grassrootsDelegatesFrom ??
    round?.grassrootsDelegatesFrom ??
    (congressRounds[0] as CongressRound).grassrootsDelegatesFrom;
  if (input.partyMembers >= threshold && input.upperCommitteeDecision === 'members')
    return {
      ok: false,
      errors: [
        `Đảng bộ cơ sở có ${input.partyMembers} đảng viên (từ ${threshold} đảng viên trở lên) phải tiến hành đại hội đại biểu (${source}); không tổ chức đại hội đảng viên.`,
      ],
    };
  if (input.partyMembers < threshold && input.upperCommitteeDecision === 'delegates')
    return {
      ok: true,
      kind: 'delegates',
      round: roundCode,
      reason: `Đảng bộ cơ sở có ${input.partyMembers} đảng viên (dưới ${threshold}), có khó khăn về điều kiện tổ chức đại hội đảng viên, được cấp ủy cấp trên trực tiếp đồng ý tổ chức đại hội đại biểu (${source}).`,
    };
  const kind: CongressKind = input.partyMembers >= threshold ? 'delegates' : 'members';
  return {
    ok: true,
    kind,
    round: roundCode,
    reason:
      kind === 'delegates'
        ? `Đảng bộ cơ sở có ${input.partyMembers} đảng viên (từ ${threshold} đảng viên trở lên) tổ chức đại hội đại biểu (${source}).`
        : `Đảng bộ cơ sở có ${input.partyMembers} đảng viên (dưới ${threshold} đảng viên) tổ chức đại hội đảng viên (${source}).`,
  };
};
