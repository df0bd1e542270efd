import { describe, expect, it } from 'vitest';
import {
  checkCaseStep,
  countDistinctSubjects,
  isSupervision,
  nextCaseStep,
  stepLabel,
} from './inspection';

describe('kinds (docs/domain/inspection.md)', () => {
  it('"Supervision: regular, thematic"; the rest are inspections', () => {
    expect(isSupervision('supervision_thematic')).toBe(true);
    expect(isSupervision('inspection_finance')).toBe(false);
    expect(stepLabel('supervision_thematic', 'conclusion')).toBe('Thông báo kết quả giám sát');
    expect(stepLabel('inspection_signs', 'conclusion')).toBe('Kết luận, thông báo kết luận');
  });
});

describe('steps of a case', () => {
  it('follow the decision → announcement → report → team report → conclusion order', () => {
    const recorded = [{ step: 'decision' as const, date: '2026-03-02' }];
    expect(checkCaseStep('inspection_programme', recorded, 'announced', '2026-03-05')).toEqual({
      ok: true,
    });
    const skipped = checkCaseStep('inspection_programme', recorded, 'conclusion', '2026-03-05');
    expect(skipped.ok).toBe(false);
    const early = checkCaseStep('inspection_programme', recorded, 'announced', '2026-03-01');
    expect(early.ok).toBe(false);
    expect(nextCaseStep(recorded)).toBe('announced');
  });
  it('the verification step is optional', () => {
    const recorded = [
      { step: 'decision' as const, date: '2026-03-02' },
      { step: 'announced' as const, date: '2026-03-05' },
      { step: 'subject_report' as const, date: '2026-03-20' },
    ];
    expect(checkCaseStep('inspection_programme', recorded, 'team_report', '2026-04-01').ok).toBe(
      true,
    );
  });
});

describe('counting rule: distinct subjects per conducting body', () => {
  it('counts a subject once per body and once per group, and in both groups when both handled it', () => {
    const res = countDistinctSubjects([
      {
        body: 'upper_standing',
        subjects: [
          { kind: 'organisation', id: 1 },
          { kind: 'member', id: 7 },
        ],
      },
      { body: 'upper_standing', subjects: [{ kind: 'organisation', id: 1 }] },
      {
        body: 'grassroots_committee',
        subjects: [
          { kind: 'organisation', id: 1 },
          { kind: 'member', id: 8 },
        ],
      },
      { body: 'upper_inspection', subjects: [{ kind: 'organisation', id: 1 }] },
    ]);
    expect(res.byBody.upper_standing).toEqual({ organisations: 1, members: 1, total: 2 });
    expect(res.byBody.grassroots_committee.total).toBe(2);
    expect(res.byGroup.committees).toEqual({ organisations: 1, members: 2, total: 3 });
    expect(res.byGroup.inspection_commissions.total).toBe(1);
  });
});
