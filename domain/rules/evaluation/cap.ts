// The cap on HTXSNV ratings, checked when a decision is recorded (regulations.md §1.2–1.3).
// - 21-HD/BTCTW (2019) ✅: party members HTXS ≤ 20% of those HTTNV, within each TCCSĐ.
// - 124-QĐ/TW ✅: collectives and individuals HTXS ≤ 20% of those HTTNV, within groups of similar
//   functions.
// - 366-QĐ/TW / 43-HD ❓: no explicit cap found (uncertainty register §8 item 1); the default keeps
//   20% per TCCSĐ for members and per group of similar collectives, as a per-year parameter.
// Two readings the sources leave open are parameters: the base ("HTTNV" taken as "HTTNV or
// better", since an HTXS is chosen among those who completed their tasks well) and the rounding
// ("không vượt quá" = may not exceed: round down; 20% of 7 = 1.4 → 1).
import { formatNumber } from '../../text/vietnamese';
import {
  isCollective,
  isGoodOrBetter,
  type QualityLevel,
  type SubjectKind,
  subjectKindLabels,
} from './levels';

export type HtxsCapParams = {
  /** Off for a year whose guidance sets no cap. */
  enabled: boolean;
  /** 0.2 = 20%. */
  share: number;
  /** 'good_or_better': share of those HTTNV or HTXSNV; 'good_only': of those exactly HTTNV. */
  base: 'good_or_better' | 'good_only';
  /** How a fractional allowance rounds: 'floor' (default: may not exceed), 'round', 'ceil'. */
  rounding: 'floor' | 'round' | 'ceil';
};

export const htxsCapDefaults: HtxsCapParams = {
  enabled: true,
  share: 0.2,
  base: 'good_or_better',
  rounding: 'floor',
};

export type CapSubject = {
  id: string | number;
  kind: SubjectKind;
  level: QualityLevel | 'not_rated' | 'incomplete';
  /** Members: the grassroots organisation (TCCSĐ) they belong to. */
  grassrootsOrgId?: string | number;
  /** Collectives: the group of similar collectives (default: their kind). */
  similarGroup?: string;
  /** A label for the group in messages (e.g. the TCCSĐ's name). */
  groupLabel?: string;
};

export type CapGroupResult = {
  group: string;
  label: string;
  /** HTTNV or better (or HTTNV only, per `base`). */
  base: number;
  allowed: number;
  proposedHtxs: number;
  ok: boolean;
  message: string;
};

export type CapResult = {
  ok: boolean;
  allowed: number;
  proposedHtxs: number;
  message: string;
  groups: CapGroupResult[];
};

/** The group key: per TCCSĐ for members, per group of similar collectives for collectives. */
export const capGroupOf = (s: CapSubject): string =>
  isCollective(s.kind)
    ? `collective:${s.similarGroup ?? s.kind}`
    : `member:${s.grassrootsOrgId ?? 'unknown'}`;

/** How many HTXSNV a group of `base` subjects may have. */
export const allowedHtxs = (base: number, params: HtxsCapParams = htxsCapDefaults): number => {
  // Tolerance so that 20% of 10 is 2, not 1.9999999.
  const raw = Math.round(base * params.share * 1e9) / 1e9;
  if (params.rounding === 'ceil') return Math.ceil(raw);
  if (params.rounding === 'round') return Math.round(raw);
  return Math.floor(raw);
};

const percentLabel = (share: number) => `${formatNumber(share * 100, share * 100 >= 1 ? 0 : 1)}%`;

export const checkHtxsCap = (input: {
  proposed: CapSubject[];
  params?: HtxsCapParams;
}): CapResult => {
  const params = input.params ?? htxsCapDefaults;
  const groups = new Map<string, CapSubject[]>();
  for (const s of input.proposed) {
    const key = capGroupOf(s);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const baseLabel = params.base === 'good_or_better' ? 'HTTNV trở lên' : 'HTTNV';
  const results: CapGroupResult[] = [...groups.entries()].map(([group, subjects]) => {
    const rated = subjects.flatMap((s) =>
      s.level === 'not_rated' || s.level === 'incomplete' ? [] : [s.level],
    );
    const base =
      params.base === 'good_or_better'
        ? rated.filter(isGoodOrBetter).length
        : rated.filter((l) => l === 'HTTNV').length;
    const proposedHtxs = rated.filter((l) => l === 'HTXSNV').length;
    const allowed = params.enabled ? allowedHtxs(base, params) : proposedHtxs;
    const ok = !params.enabled || proposedHtxs <= allowed;
    const first = subjects[0];
    const label =
      subjects.find((s) => s.groupLabel)?.groupLabel ??
      (isCollective(first.kind)
        ? `Nhóm ${first.similarGroup ?? subjectKindLabels[first.kind].toLowerCase()}`
        : `Tổ chức cơ sở đảng ${first.grassrootsOrgId ?? '(chưa xác định)'}`);
    const message = params.enabled
      ? `${label}: được xếp loại HTXSNV tối đa ${allowed} (${percentLabel(params.share)} của ${base} ${baseLabel}), đang đề nghị ${proposedHtxs}.${ok ? '' : ` Vượt ${proposedHtxs - allowed}.`}`
      : `${label}: năm này không áp dụng tỷ lệ HTXSNV; đang đề nghị ${proposedHtxs}.`;
    return { group, label, base, allowed, proposedHtxs, ok, message };
  });
  const failing = results.filter((r) => !r.ok);
  const allowed = results.reduce((s, r) => s + r.allowed, 0);
  const proposedHtxs = results.reduce((s, r) => s + r.proposedHtxs, 0);
  const message =
    results.length === 0
      ? 'Không có đối tượng xếp loại.'
      : failing.length > 0
        ? failing.map((r) => r.message).join(' ')
        : results.length === 1
          ? results[0].message
          : `Trong tỷ lệ HTXSNV ở cả ${results.length} nhóm: tối đa ${allowed}, đang đề nghị ${proposedHtxs}.`;
  return { ok: failing.length === 0, allowed, proposedHtxs, message, groups: results };
};
