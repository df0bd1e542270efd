// Counting a secret-ballot election at a party congress or conference (bầu cử trong Đảng),
// docs/domain/congresses.md. Pure: aggregate figures in, per-candidate results and what happens
// next out; inconsistent input gives Vietnamese messages, never an exception.
//
// Rule sets by the date of the vote (the Quy chế bầu cử trong Đảng in force that day):
//   9/6/2014 – 9/10/2024  → Quy chế ban hành kèm Quyết định 244-QĐ/TW (9/6/2014)
//   from 10/10/2024       → Quy chế ban hành kèm Quyết định 190-QĐ/TW (10/10/2024), guided by
//                           Hướng dẫn 04-HD/TW (31/12/2024)
//   before 9/6/2014       → refused (Quy chế kèm Quyết định 220-QĐ/TW, 2009, not encoded)
//
// The count, as the Quy chế states it (244-QĐ/TW art. 32; 190-QĐ/TW keeps 244's rules "cơ bản giữ
// nguyên" and adds one article (art. 7), so the article number there is ❓):
//  - results are counted on the valid ballots (phiếu hợp lệ, art. 17); on a ballot without surplus
//    a voter who marks both or neither of "đồng ý"/"không đồng ý" for a person gives that person no
//    vote, and the ballot stays valid (art. 32 §1) — the service enters "đồng ý" votes only;
//  - a candidate is elected only with MORE THAN HALF — not of the valid ballots, but of the
//    "majority base": at a congress of members, the full members of the organisation convened less
//    those living temporarily elsewhere, exempted members who are absent, suspended or prosecuted
//    members and full members absent with the convening committee's consent; at a congress of
//    delegates, the official delegates convened less absent members of the convening committee and
//    absent delegates without a substitute. Exactly half is not elected;
//  - when more candidates pass than there are seats, the higher votes win;
//  - a tie at the cut-off that would exceed the seats → a further vote among the tied
//    (`tieRule`, ❓ the exact wording is a parameter until confirmed);
//  - fewer pass than seats → the congress votes again for the seats left ("bầu tiếp"); whether to go
//    on after several rounds, and whether to add names, the congress decides (244-QĐ/TW art. 20 §2
//    for delegates to the upper congress).

/** The Quy chế bầu cử trong Đảng that governs a vote. */
export type ElectionRuleSetCode = 'qc-244-2014' | 'qc-190-2024';

export type ElectionRuleSet = {
  code: ElectionRuleSetCode;
  /** Vietnamese name for messages and headings. */
  name: string;
  /** First day in force (ISO). */
  from: string;
  /** Last day in force (ISO), null = today. */
  to: string | null;
  /**
   * What a tie at the cut-off leads to: `re_vote_among_tied` — a further vote among the tied
   * candidates only, for the seats still open (the default, ❓ docs/domain/congresses.md);
   * `congress_decides` — the congress decides (the count only reports the tie).
   */
  tieRule: 're_vote_among_tied' | 'congress_decides';
  /** Article cited in messages for the majority rule. */
  majorityArticle: string;
};

export const electionRuleSets: readonly ElectionRuleSet[] = [
  {
    code: 'qc-244-2014',
    name: 'Quy chế bầu cử trong Đảng ban hành kèm theo Quyết định số 244-QĐ/TW ngày 09/6/2014',
    from: '2014-06-09',
    to: '2024-10-09',
    tieRule: 're_vote_among_tied',
    majorityArticle: 'Điều 32',
  },
  {
    code: 'qc-190-2024',
    name: 'Quy chế bầu cử trong Đảng ban hành kèm theo Quyết định số 190-QĐ/TW ngày 10/10/2024',
    from: '2024-10-10',
    to: null,
    tieRule: 're_vote_among_tied',
    majorityArticle: 'quy định về nguyên tắc xác định người trúng cử',
  },
];

/** The Quy chế in force on a date (ISO), or null before 9/6/2014 (not encoded). */
export const electionRuleSetFor = (date: string): ElectionRuleSet | null =>
  electionRuleSets.find((s) => s.from <= date && (s.to === null || date <= s.to)) ?? null;

export type ElectionInput = {
  /** Day of the vote (ISO); decides the Quy chế. Omitted: the rule set in force today (latest). */
  heldOn?: string;
  /** Số lượng cần bầu in this round. */
  seats: number;
  /** Candidate ids in ballot order (danh sách bầu cử). */
  candidates: readonly string[];
  /**
   * The base "more than half" is counted on (244-QĐ/TW art. 32 §2–3): full members convened (congress
   * of members) or official delegates convened (congress of delegates), less the exclusions the Quy
   * chế lists. At a committee conference: the committee's members (❓ same rule assumed).
   */
  majorityBase: number;
  /** Phiếu phát ra. */
  ballotsIssued: number;
  /** Phiếu thu vào. */
  ballotsReturned: number;
  /** Phiếu hợp lệ. */
  ballotsValid: number;
  /** Phiếu không hợp lệ. */
  ballotsInvalid: number;
  /** Phiếu bầu (đồng ý) per candidate id; every candidate must have an entry. */
  votes: Readonly<Record<string, number>>;
};

export type CandidateStatus = 'elected' | 'not_elected' | 'tied';

export type CandidateCount = {
  id: string;
  votes: number;
  /** votes / valid ballots, null when there is no valid ballot. */
  shareOfValid: number | null;
  /** votes / majority base — the share the majority rule is judged on. */
  shareOfBase: number;
  /** More than half of the majority base (exactly half is not). */
  overHalf: boolean;
  status: CandidateStatus;
};

export type FurtherRound = {
  /** `tie`: a tie at the cut-off; `shortfall`: fewer candidates passed than seats. */
  reason: 'tie' | 'shortfall';
  /** Seats to fill in the further round. */
  seats: number;
  /**
   * Who stands: the tied candidates (tie), or the candidates not elected (shortfall — the congress
   * may decide to add names or to stop; `congressDecides` is then true).
   */
  among: string[];
  congressDecides: boolean;
  message: string;
};

export type ElectionCount = {
  ok: true;
  ruleSet: { code: ElectionRuleSetCode; name: string };
  /** The smallest number of votes that is more than half of the majority base. */
  votesNeeded: number;
  /** In input order. */
  candidates: CandidateCount[];
  /** Elected ids, highest votes first. */
  elected: string[];
  seatsFilled: number;
  seatsLeft: number;
  /** Null when every seat is filled. */
  furtherRound: FurtherRound | null;
  /** Vietnamese summary lines for the minutes (biên bản kiểm phiếu). */
  messages: string[];
};

export type ElectionCountRefused = { ok: false; errors: string[] };

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** The inconsistencies of an election's figures, in Vietnamese; empty when consistent. */
export const checkElectionInput = (input: ElectionInput): string[] => {
  const errors: string[] = [];
  if (input.heldOn !== undefined && !electionRuleSetFor(input.heldOn))
    errors.push(
      `Ngày bầu cử ${input.heldOn} trước ngày 09/6/2014: hệ thống chưa có Quy chế bầu cử trong Đảng áp dụng cho thời điểm này (Quyết định 220-QĐ/TW năm 2009).`,
    );
  if (!isCount(input.seats) || input.seats < 1)
    errors.push('Số lượng cần bầu phải là số nguyên dương.');
  if (input.candidates.length === 0) errors.push('Danh sách bầu cử chưa có người nào.');
  const seen = new Set<string>();
  for (const id of input.candidates) {
    if (seen.has(id)) errors.push(`Người "${id}" có tên hai lần trong danh sách bầu cử.`);
    seen.add(id);
  }
  const figures: [string, number][] = [
    ['Số đảng viên (đại biểu) làm căn cứ tính kết quả', input.majorityBase],
    ['Số phiếu phát ra', input.ballotsIssued],
    ['Số phiếu thu vào', input.ballotsReturned],
    ['Số phiếu hợp lệ', input.ballotsValid],
    ['Số phiếu không hợp lệ', input.ballotsInvalid],
  ];
  for (const [label, n] of figures)
    if (!isCount(n)) errors.push(`${label} phải là số nguyên không âm (đang là ${String(n)}).`);
  if (isCount(input.majorityBase) && input.majorityBase === 0)
    errors.push('Số đảng viên (đại biểu) làm căn cứ tính kết quả phải lớn hơn 0.');
  if (!figures.every(([, n]) => isCount(n))) return errors;

  const { ballotsIssued, ballotsReturned, ballotsValid, ballotsInvalid, majorityBase } = input;
  if (ballotsValid + ballotsInvalid !== ballotsReturned)
    errors.push(
      `Số phiếu hợp lệ (${ballotsValid}) cộng số phiếu không hợp lệ (${ballotsInvalid}) phải bằng số phiếu thu vào (${ballotsReturned}).`,
    );
  if (ballotsReturned > ballotsIssued)
    errors.push(
      `Số phiếu thu vào (${ballotsReturned}) nhiều hơn số phiếu phát ra (${ballotsIssued}).`,
    );
  if (ballotsIssued > majorityBase)
    errors.push(
      `Số phiếu phát ra (${ballotsIssued}) nhiều hơn số đảng viên (đại biểu) làm căn cứ tính kết quả (${majorityBase}).`,
    );
  let total = 0;
  for (const id of input.candidates) {
    const v = input.votes[id];
    if (v === undefined) {
      errors.push(`Chưa nhập số phiếu bầu của "${id}".`);
      continue;
    }
    if (!isCount(v)) {
      errors.push(`Số phiếu bầu của "${id}" phải là số nguyên không âm (đang là ${String(v)}).`);
      continue;
    }
    if (v > ballotsValid)
      errors.push(`Số phiếu bầu của "${id}" (${v}) nhiều hơn số phiếu hợp lệ (${ballotsValid}).`);
    total += v;
  }
  for (const id of Object.keys(input.votes))
    if (!seen.has(id)) errors.push(`"${id}" có số phiếu nhưng không có trong danh sách bầu cử.`);
  if (isCount(input.seats) && total > ballotsValid * input.seats)
    errors.push(
      `Tổng số phiếu bầu (${total}) nhiều hơn số phiếu hợp lệ nhân số lượng cần bầu (${ballotsValid} × ${input.seats} = ${ballotsValid * input.seats}): mỗi phiếu hợp lệ chỉ bầu tối đa ${input.seats} người.`,
    );
  return errors;
};

/** The smallest vote count that is more than half of `base` (exactly half is not enough). */
export const votesNeeded = (base: number): number => Math.floor(base / 2) + 1;

/** Count an election round (docs/domain/congresses.md, "Counting"). */
export const countElection = (input: ElectionInput): ElectionCount | ElectionCountRefused => {
  const errors = checkElectionInput(input);
  if (errors.length > 0) return { ok: false, errors };
  const ruleSet =
    (input.heldOn ? electionRuleSetFor(input.heldOn) : null) ??
    (electionRuleSets[electionRuleSets.length - 1] as ElectionRuleSet);
  const { seats, majorityBase, ballotsValid } = input;
  const needed = votesNeeded(majorityBase);
  const votesOf = (id: string) => input.votes[id] as number;

  const passed = input.candidates
    .filter((id) => votesOf(id) >= needed)
    .sort((a, b) => votesOf(b) - votesOf(a));
  const elected: string[] = [];
  let tied: string[] = [];
  if (passed.length <= seats) elected.push(...passed);
  else {
    const cutoff = votesOf(passed[seats - 1] as string);
    const above = passed.filter((id) => votesOf(id) > cutoff);
    const atCutoff = passed.filter((id) => votesOf(id) === cutoff);
    elected.push(...above);
    if (above.length + atCutoff.length <= seats) elected.push(...atCutoff);
    else tied = atCutoff;
  }
  const electedSet = new Set(elected);
  const tiedSet = new Set(tied);
  const candidates: CandidateCount[] = input.candidates.map((id) => {
    const votes = votesOf(id);
    return {
      id,
      votes,
      shareOfValid: ballotsValid > 0 ? votes / ballotsValid : null,
      shareOfBase: votes / majorityBase,
      overHalf: votes >= needed,
      status: electedSet.has(id) ? 'elected' : tiedSet.has(id) ? 'tied' : 'not_elected',
    };
  });
  const seatsLeft = seats - elected.length;

  let furtherRound: FurtherRound | null = null;
  if (tied.length > 0)
    furtherRound = {
      reason: 'tie',
      seats: seatsLeft,
      among: tied,
      congressDecides: ruleSet.tieRule === 'congress_decides',
      message:
        ruleSet.tieRule === 're_vote_among_tied'
          ? `${tied.length} người cùng đạt ${votesOf(tied[0] as string)} phiếu ở cuối danh sách trúng cử, nhiều hơn ${seatsLeft} chỗ còn lại: bầu lại trong số những người này để chọn ${seatsLeft} người.`
          : `${tied.length} người cùng đạt ${votesOf(tied[0] as string)} phiếu ở cuối danh sách trúng cử, nhiều hơn ${seatsLeft} chỗ còn lại: đại hội quyết định.`,
    };
  else if (seatsLeft > 0)
    furtherRound = {
      reason: 'shortfall',
      seats: seatsLeft,
      among: input.candidates.filter((id) => !electedSet.has(id)),
      congressDecides: true,
      message: `Bầu lần này mới đủ ${elected.length}/${seats} người trúng cử: đại hội bầu tiếp ${seatsLeft} người; có bầu tiếp hay không, có bổ sung người vào danh sách bầu cử hay không do đại hội quyết định.`,
    };

  const messages = [
    `Căn cứ tính kết quả: ${majorityBase} người; người trúng cử phải đạt quá một nửa, tức từ ${needed} phiếu trở lên (${ruleSet.name}, ${ruleSet.majorityArticle}).`,
    `Phiếu phát ra ${input.ballotsIssued}, thu vào ${input.ballotsReturned}, hợp lệ ${ballotsValid}, không hợp lệ ${input.ballotsInvalid}.`,
    `Trúng cử ${elected.length}/${seats}.`,
  ];
  if (furtherRound) messages.push(furtherRound.message);
  return {
    ok: true,
    ruleSet: { code: ruleSet.code, name: ruleSet.name },
    votesNeeded: needed,
    candidates,
    elected,
    seatsFilled: elected.length,
    seatsLeft,
    furtherRound,
    messages,
  };
};
