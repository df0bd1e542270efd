// Missing data is never a zero (docs/domain/annual-report-figures.md). A figure that counts records
// (dues paid, cards issued, cases, …) reads 0 both when nothing happened and when nobody recorded the
// period in dangvu; the report, its annex and the dashboard must tell the two apart. Each figure
// belongs to a *recording area*; an area is "recorded" for a subtree and a period when at least one
// record of that register exists for it (the server answers which areas are, recorded.queries.ts).
// A figure of an area not recorded is "[Số liệu chưa có: …]" (or "—"), never a number, and no
// comparison is made with a year whose area is not recorded. Pure.

/** The registers whose presence decides whether a figure of a period is known. */
export const recordingAreas = ['members', 'dues', 'cards', 'badges', 'inspection'] as const;
export type RecordingArea = (typeof recordingAreas)[number];

/** What "recorded" means per area: shown in the missing-figure mark and in the docs. */
export const recordingAreaRules: Record<RecordingArea, string> = {
  members:
    'có ít nhất một đảng viên sinh hoạt trong phạm vi trong kỳ (sổ danh sách đảng viên đã được nhập cho kỳ này)',
  dues: 'có ít nhất một khoản đảng phí nộp trong kỳ của đảng viên sinh hoạt ở một chi bộ trong phạm vi',
  cards:
    'có ít nhất một lần phát, cấp lại hoặc đổi thẻ đảng viên trong kỳ cho đảng viên sinh hoạt trong phạm vi',
  badges: 'có ít nhất một lần trao Huy hiệu Đảng trong kỳ cho đảng viên sinh hoạt trong phạm vi',
  inspection:
    'có ít nhất một cuộc kiểm tra, giám sát (đối tượng trong phạm vi) hoặc một quyết định kỷ luật trong kỳ',
};

/** Why a figure is missing, as the report prints it after the figure's name. */
export const unrecordedReason: Record<RecordingArea, (period: string) => string> = {
  members: (p) => `chưa có dữ liệu đảng viên ${p}`,
  dues: (p) => `chưa ghi nhận khoản đảng phí nào nộp ${p}`,
  cards: (p) => `chưa ghi nhận việc phát, cấp lại, đổi thẻ đảng viên nào ${p}`,
  badges: (p) => `chưa ghi nhận việc trao Huy hiệu Đảng nào ${p}`,
  inspection: (p) => `chưa ghi nhận cuộc kiểm tra, giám sát hay quyết định kỷ luật nào ${p}`,
};

/**
 * The area a metric's value depends on, or null when the metric itself answers "unavailable" when
 * nothing is recorded (evaluation results, dissemination, key tasks) or is a state, not a count.
 */
export const recordingAreaOf = (metricCode: string): RecordingArea | null => {
  if (metricCode === 'lifecycle.dues_collected') return 'dues';
  if (metricCode === 'lifecycle.cards_issued') return 'cards';
  if (metricCode === 'lifecycle.badges_awarded') return 'badges';
  if (metricCode.startsWith('inspection.') || metricCode.startsWith('discipline.'))
    return 'inspection';
  if (metricCode.startsWith('members.') || metricCode.startsWith('recruitment.')) return 'members';
  return null;
};

export type Recorded = ReadonlySet<RecordingArea>;

/** "trong năm 2024", or "từ 01/01/2026 đến 05/12/2026" for a period not ending on 31/12. */
export const periodText = (from: string, until: string): string => {
  if (
    from.slice(5) === '01-01' &&
    until.slice(5) === '12-31' &&
    from.slice(0, 4) === until.slice(0, 4)
  )
    return `trong năm ${from.slice(0, 4)}`;
  const d = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return `từ ${d(from)} đến ${d(until)}`;
};

/**
 * A metric value checked against what is recorded: unchanged when its area is recorded (a 0 is then a
 * real zero) or has no area; otherwise "unavailable" with the reason.
 */
export const checkRecorded = <
  V extends { status: 'ok' } | { status: 'unavailable'; reason: string },
>(
  metricCode: string,
  value: V,
  recorded: Recorded,
  period: string,
): V | { status: 'unavailable'; reason: string } => {
  const area = recordingAreaOf(metricCode);
  if (area === null || value.status !== 'ok' || recorded.has(area)) return value;
  return { status: 'unavailable', reason: unrecordedReason[area](period) };
};
