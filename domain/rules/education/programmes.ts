// Rules of a programme of study and its reviews (docs/domain/education.md).
//
// Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị ("Về đẩy mạnh học tập và làm theo tư tưởng, đạo
// đức, phong cách Hồ Chí Minh") asks every party organisation to study the year's topic, every member to
// commit to follow it, to find and spread good models and examples, and to review the work periodically
// (sơ kết, tổng kết). The dates below are ours: a review covers a period inside the programme, and is
// held once its period has begun — a year-end review is often held in December, before the period ends.

export type ProgrammePeriod = { fromDate: string; toDate: string | null };
export type ReviewPeriod = { periodFrom: string; periodTo: string; heldOn: string };
export type Problem = { field: 'periodFrom' | 'periodTo' | 'heldOn'; message: string };

/** Why a review's dates cannot be recorded, or null when they can. */
export const reviewPeriodProblem = (
  programme: ProgrammePeriod,
  review: ReviewPeriod,
  today: string,
): Problem | null => {
  if (review.periodTo < review.periodFrom)
    return { field: 'periodTo', message: 'Kỳ sơ kết, tổng kết phải kết thúc sau ngày bắt đầu.' };
  if (review.periodFrom < programme.fromDate)
    return {
      field: 'periodFrom',
      message: 'Kỳ sơ kết, tổng kết không được bắt đầu trước chương trình.',
    };
  if (programme.toDate && review.periodTo > programme.toDate)
    return {
      field: 'periodTo',
      message: 'Kỳ sơ kết, tổng kết không được kết thúc sau chương trình.',
    };
  if (review.heldOn > today)
    return { field: 'heldOn', message: 'Ngày tổ chức không được sau ngày hôm nay.' };
  if (review.heldOn < review.periodFrom)
    return {
      field: 'heldOn',
      message: 'Hội nghị sơ kết, tổng kết được tổ chức sau khi kỳ bắt đầu.',
    };
  return null;
};

/** The share of a subtree's units or members covered, as a whole percent (null when none required). */
export const coveragePercent = (covered: number, required: number): number | null =>
  required === 0 ? null : Math.round((1000 * covered) / required) / 10;
