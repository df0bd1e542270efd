import { describe, expect, it } from 'vitest';
import {
  applicableSteps,
  checkEligibility,
  checkStepOrder,
  failedVoteConsequence,
  nextStep,
  probationEnd,
  type RecordedStep,
  stepDeadlines,
  voteResult,
} from './recruitment';

const cell = { cellIsGrassroots: false, hasSubcommittee: false };
const passedSteps = (...pairs: [RecordedStep['step'], string][]): RecordedStep[] =>
  pairs.map(([step, date]) => ({ step, date, outcome: 'passed' }));

describe('recruitment steps (docs/domain/recruitment.md)', () => {
  it('skips the grassroots committee vote for a chi bộ cơ sở and adds the sub-committee review under a đảng ủy bộ phận', () => {
    const grassroots = applicableSteps({ cellIsGrassroots: true, hasSubcommittee: false });
    expect(grassroots).not.toContain('committee_vote');
    expect(grassroots).not.toContain('recognition_committee_vote');
    expect(applicableSteps(cell)).not.toContain('subcommittee_review');
    expect(applicableSteps({ cellIsGrassroots: false, hasSubcommittee: true })).toContain(
      'subcommittee_review',
    );
  });

  it('refuses a step recorded out of order and names the missing one', () => {
    const recorded = passedSteps(['candidate', '2026-01-05']);
    const check = checkStepOrder(recorded, 'application', '2026-02-01', cell);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.message).toContain('bồi dưỡng nhận thức về Đảng');
    expect(checkStepOrder(recorded, 'awareness_course', '2026-02-01', cell).ok).toBe(true);
    expect(nextStep(recorded, cell)).toBe('awareness_course');
  });

  it('refuses a step dated before the previous one, and a step recorded twice', () => {
    const recorded = passedSteps(['candidate', '2026-03-05']);
    expect(checkStepOrder(recorded, 'awareness_course', '2026-03-01', cell).ok).toBe(false);
    expect(checkStepOrder(recorded, 'candidate', '2026-03-06', cell).ok).toBe(false);
  });

  it('lets the cell vote again after a failed vote', () => {
    const before = passedSteps(
      ['candidate', '2025-01-05'],
      ['awareness_course', '2025-02-05'],
      ['application', '2025-03-05'],
      ['background', '2025-04-05'],
      ['referees', '2025-05-05'],
      ['opinions', '2025-05-10'],
    );
    const failed: RecordedStep[] = [
      ...before,
      { step: 'cell_vote', date: '2025-06-01', outcome: 'failed' },
    ];
    expect(checkStepOrder(failed, 'cell_vote', '2025-07-01', cell).ok).toBe(true);
    expect(checkStepOrder(failed, 'committee_vote', '2025-07-01', cell).ok).toBe(false);
  });
});

describe('two-thirds votes (docs/domain/recruitment.md)', () => {
  it('passes at two thirds of those entitled to vote and fails below', () => {
    expect(voteResult(8, 12).passed).toBe(true);
    expect(voteResult(7, 12).passed).toBe(false);
    expect(voteResult(7, 12).needed).toBe(8);
    expect(voteResult(6, 9).passed).toBe(true);
    expect(voteResult(4, 7).passed).toBe(false);
    expect(voteResult(7, 12).message).toContain('cần ít nhất 8 phiếu');
  });

  it('states the consequence of a failed vote: retry, escalation after three, removal for probation', () => {
    expect(failedVoteConsequence('cell_vote', 1)).toContain('biểu quyết lại');
    expect(failedVoteConsequence('cell_vote', 3)).toContain('báo cáo cấp ủy cấp trên');
    expect(failedVoteConsequence('recognition_cell_vote', 1)).toContain('xóa tên');
  });
});

describe('eligibility at the cell vote (docs/domain/recruitment.md)', () => {
  const base = {
    birthDate: '2000-06-15',
    voteDate: '2026-06-15',
    generalEducation: '12/12',
    area: 'normal' as const,
    awarenessCertificateOn: '2025-10-01',
  };

  it('counts age in months: 18 on the day, not one day before', () => {
    expect(checkEligibility({ ...base, birthDate: '2008-06-15' }).ok).toBe(true);
    const young = checkEligibility({ ...base, birthDate: '2008-06-16' });
    expect(young.ok).toBe(false);
    expect(young.reasons[0]).toContain('Chưa đủ 18 tuổi');
  });

  it('refuses over 60 without the provincial standing committee', () => {
    const old = checkEligibility({ ...base, birthDate: '1966-01-01' });
    expect(old.reasons.join(' ')).toContain('quá 60 tuổi');
    expect(checkEligibility({ ...base, birthDate: '1966-06-15' }).ok).toBe(true);
  });

  it('needs lower secondary school, primary in hardship areas, nothing checkable for village elders', () => {
    expect(checkEligibility({ ...base, generalEducation: '7/12' }).ok).toBe(false);
    expect(checkEligibility({ ...base, generalEducation: '9/12' }).ok).toBe(true);
    expect(checkEligibility({ ...base, generalEducation: '7/10' }).ok).toBe(true);
    expect(checkEligibility({ ...base, generalEducation: '5/12', area: 'hardship' }).ok).toBe(true);
    expect(checkEligibility({ ...base, generalEducation: null, area: 'elder' }).ok).toBe(true);
  });

  it('needs an awareness-course certificate less than five years old', () => {
    expect(checkEligibility({ ...base, awarenessCertificateOn: null }).reasons[0]).toContain(
      'bồi dưỡng nhận thức',
    );
    expect(checkEligibility({ ...base, awarenessCertificateOn: '2021-06-01' }).ok).toBe(false);
  });
});

describe('probation and deadlines in working days (docs/domain/recruitment.md)', () => {
  it('ends probation 12 months after the ceremony', () => {
    expect(probationEnd('2025-03-10')).toBe('2026-03-10');
    expect(probationEnd('2024-02-29')).toBe('2025-02-28');
  });

  it('gives the upper committee 60 working days from the cell resolution, counted across Tết 2026', () => {
    // Cell resolution on 2026-01-05; Tết holidays 16–20/02/2026 do not count.
    const recorded = passedSteps(['cell_vote', '2026-01-05']);
    const [d] = stepDeadlines(recorded, cell, [], '2026-01-06');
    expect(d.step).toBe('admission_decision');
    // 60 weekdays after 05/01 would be 30/03; the 5 Tết days push it to 06/04.
    expect(d.dueOn).toBe('2026-04-06');
    expect(d.status).toBe('pending');
    const extended = stepDeadlines(recorded, { ...cell, extended: true }, [], '2026-01-06');
    expect(extended[0].dueOn > d.dueOn).toBe(true);
  });

  it('marks an overdue ceremony, a due-soon one, and a decision recorded late', () => {
    const recorded = passedSteps(['cell_vote', '2025-01-06'], ['admission_decision', '2025-06-02']);
    const list = stepDeadlines(recorded, cell, [], '2025-08-01');
    expect(list.find((d) => d.step === 'admission_decision')?.status).toBe('done_late');
    const ceremony = list.find((d) => d.step === 'ceremony');
    expect(ceremony?.status).toBe('overdue');
    expect(ceremony?.workingDaysLeft).toBeLessThan(0);
    const soon = stepDeadlines(recorded, cell, [], '2025-07-07').find((d) => d.step === 'ceremony');
    expect(soon?.status).toBe('due_soon');
  });

  it('counts the recognition vote from the end of probation, and refuses it before', () => {
    const recorded = passedSteps(['ceremony', '2025-03-10']);
    const d = stepDeadlines(recorded, cell, [], '2026-01-01').find(
      (x) => x.step === 'recognition_cell_vote',
    );
    expect(d?.basis).toContain('10/03/2026');
    const all = applicableSteps(cell);
    const upTo = all.slice(0, all.indexOf('recognition_cell_vote'));
    const history = upTo.map((step, i) => ({
      step,
      date:
        step === 'ceremony'
          ? '2025-03-10'
          : i < all.indexOf('ceremony')
            ? '2025-01-02'
            : '2026-02-20',
      outcome: 'passed' as const,
    }));
    const early = checkStepOrder(history, 'recognition_cell_vote', '2026-03-09', cell);
    expect(early.ok ? '' : early.message).toContain('hết 12 tháng dự bị');
    expect(checkStepOrder(history, 'recognition_cell_vote', '2026-03-10', cell).ok).toBe(true);
  });
});
