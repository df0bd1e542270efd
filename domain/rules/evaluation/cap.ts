// The cap on HTXSNV ratings, checked when a decision is recorded (docs/domain/evaluation.md).
// Each rule set carries its own cap, with its base as its text states it:
// - 2018–2022, Hướng dẫn 21-HD/BTCTW (18/10/2019), mục 2.3 (party members): the competent level
//   decides HTXS "không vượt quá 20% số đảng viên được xếp loại 'Hoàn thành tốt nhiệm vụ' trong
//   từng tổ chức cơ sở đảng" – the base is those rated HTTNV, not "HTTNV or better".
// - 2023–2024, 124-QĐ/TW (4/10/2023) + 25-HD/BTCTW: HTXS at most 20% of those rated HTTNV, within
//   groups of similar functions (as reported; the Vietnamese clause was not re-read, see docs).
// - 2025 on, 366-QĐ/TW + 43-HD/BTCTW: no cap in the published summaries of Điều 11; the default
//   keeps 20% of those rated HTTNV (the civil-service rule of Nghị định 335/2025/NĐ-CP has the same
//   base) as a per-year parameter, stated as such in every message.
// Rounding is a choice: "không vượt quá" = may not exceed, so 20% of 7 = 1.4 → 1.
import { formatNumber } from '../../text/vietnamese';
import {
  isCollective,
  isGoodOrBetter,
  type QualityLevel,
  type SubjectKind,
  subjectKindLabels,
} from './levels';

const percentLabel = (share: number) => `${formatNumber(share * 100, share * 100 >= 1 ? 0 : 1)}%`;

export type HtxsCapParams = {
  /** Off for a year whose guidance sets no cap. */
  enabled: boolean;
  /** 0.2 = 20%. */
  share: number;
  /** 'good_only': share of those rated exactly HTTNV (the texts' wording); 'good_or_better': of
   * those rated HTTNV or HTXSNV (a looser reading some committees use). */
  base: 'good_or_better' | 'good_only';
  /** How a fractional allowance rounds: 'floor' (default: may not exceed), 'round', 'ceil'. */
  rounding: 'floor' | 'round' | 'ceil';
  /** The text the cap comes from, shown with the base wherever the cap is checked. */
  source?: string;
};

/** The texts' reading: 20% of those rated HTTNV, rounded down. */
export const htxsCapDefaults: HtxsCapParams = {
  enabled: true,
  share: 0.2,
  base: 'good_only',
  rounding: 'floor',
};

export const htxsCap132: HtxsCapParams = {
  ...htxsCapDefaults,
  source: '21-HD/BTCTW, mục 2.3: trong từng tổ chức cơ sở đảng',
};
export const htxsCap124: HtxsCapParams = {
  ...htxsCapDefaults,
  source: '124-QĐ/TW, 25-HD/BTCTW: theo nhóm có chức năng, nhiệm vụ tương đồng',
};
export const htxsCap366: HtxsCapParams = {
  ...htxsCapDefaults,
  source:
    'tham số năm: 366-QĐ/TW và 43-HD/BTCTW chưa thấy quy định tỷ lệ, giữ mức 20% số HTTNV của quy định trước',
};

/** The base in words: "những … được xếp loại HTTNV" or "… HTTNV trở lên". */
export const capBaseLabel = (params: HtxsCapParams): string =>
  params.base === 'good_or_better'
    ? 'được xếp loại HTTNV trở lên (tính cả HTXSNV)'
    : 'được xếp loại HTTNV (không tính HTXSNV)';

/** The cap in one sentence, for the screens where it is checked. */
export const capRuleText = (params: HtxsCapParams): string =>
  params.enabled
    ? `Số được xếp loại HTXSNV không vượt quá ${percentLabel(params.share)} số ${capBaseLabel(params)}${params.source ? ` (${params.source})` : ''}.`
    : `Năm này không áp dụng tỷ lệ HTXSNV${params.source ? ` (${params.source})` : ''}.`;

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

/**
 * The most HTXSNV a group of `good` subjects rated HTTNV or better can have: with the base
 * "HTTNV only", each HTXS leaves the base, so k HTXS need k ≤ allowed(good − k).
 */
export const maxHtxsAmong = (good: number, params: HtxsCapParams = htxsCapDefaults): number => {
  if (!params.enabled) return good;
  let k = 0;
  while (
    k < good &&
    k + 1 <= allowedHtxs(params.base === 'good_only' ? good - (k + 1) : good, params)
  )
    k += 1;
  return k;
};

/** How many HTXSNV a group of `base` subjects may have. */
export const allowedHtxs = (base: number, params: HtxsCapParams = htxsCapDefaults): number => {
  // Tolerance so that 20% of 10 is 2, not 1.9999999.
  const raw = Math.round(base * params.share * 1e9) / 1e9;
  if (params.rounding === 'ceil') return Math.ceil(raw);
  if (params.rounding === 'round') return Math.round(raw);
  return Math.floor(raw);
};

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
  const baseLabel = capBaseLabel(params);
  const source = params.source ? `; ${params.source}` : '';
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
      ? `${label}: được xếp loại HTXSNV tối đa ${allowed} (${percentLabel(params.share)} của ${base} ${baseLabel}${source}), đang đề nghị ${proposedHtxs}.${ok ? '' : ` Vượt ${proposedHtxs - allowed}.`}`
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
