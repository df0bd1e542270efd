import { describe, expect, it } from 'vitest';
import {
  checkAuthority,
  checkComplaint,
  checkDecision,
  checkForm,
  checkLimitation,
  checkVote,
  disciplineDefaults,
  disciplineStateOn,
  finalComplaintLevel,
  formsFor,
  lapseDate,
} from './discipline';

describe('forms of discipline (docs/domain/discipline.md, Điều lệ art. 35; 69-QĐ/TW art. 7)', () => {
  it('"Full member: Khiển trách → Cảnh cáo → Cách chức → Khai trừ"', () => {
    expect(formsFor('member', 'full')).toEqual([
      'khien_trach',
      'canh_cao',
      'cach_chuc',
      'khai_tru',
    ]);
  });
  it('"Probationary member: Khiển trách → Cảnh cáo only"', () => {
    expect(formsFor('member', 'probationary')).toEqual(['khien_trach', 'canh_cao']);
    const res = checkForm('member', 'probationary', 'khai_tru');
    expect(res.ok).toBe(false);
    expect(res.message).toContain('dự bị');
    expect(checkForm('member', 'probationary', 'khien_trach').ok).toBe(true);
  });
  it('"Party organisation: Khiển trách → Cảnh cáo → Giải tán"; no cách chức for an organisation', () => {
    expect(formsFor('organisation', null)).toEqual(['khien_trach', 'canh_cao', 'giai_tan']);
    expect(checkForm('organisation', null, 'cach_chuc').ok).toBe(false);
    expect(checkForm('member', 'full', 'giai_tan').ok).toBe(false);
  });
});

describe('authority (docs/domain/discipline.md 🟡, defaults are parameters)', () => {
  it('"Chi bộ: may impose khiển trách or cảnh cáo on its members", not cách chức or khai trừ', () => {
    expect(checkAuthority({ body: 'cell', subject: 'member', form: 'canh_cao' }).ok).toBe(true);
    const res = checkAuthority({ body: 'cell', subject: 'member', form: 'khai_tru' });
    expect(res.ok).toBe(false);
    expect(res.message).toContain('Chi bộ chỉ có thẩm quyền khiển trách, cảnh cáo');
  });
  it('"Đảng ủy bộ phận and the BTV of a grassroots committee may not discipline"', () => {
    for (const body of ['sub_committee', 'grassroots_standing'] as const) {
      const res = checkAuthority({ body, subject: 'member', form: 'khien_trach' });
      expect(res.ok).toBe(false);
      expect(res.message).toContain('không có thẩm quyền');
    }
  });
  it('expulsion: the grassroots committee proposes and the superior UBKT decides, unless delegated', () => {
    const proposed = checkAuthority({
      body: 'grassroots_committee',
      subject: 'member',
      form: 'khai_tru',
    });
    expect(proposed.ok).toBe(false);
    expect(proposed.message).toContain('Ủy ban Kiểm tra Đảng ủy cấp trên quyết định');
    expect(
      checkAuthority({ body: 'upper_inspection', subject: 'member', form: 'khai_tru' }).ok,
    ).toBe(true);
    const delegated = { ...disciplineDefaults, grassrootsMayExpel: true };
    expect(
      checkAuthority(
        { body: 'grassroots_committee', subject: 'member', form: 'khai_tru' },
        delegated,
      ).ok,
    ).toBe(true);
  });
  it('"the superior committee disciplines subordinate organisations"; dissolution needs approval', () => {
    const res = checkAuthority({
      body: 'upper_standing',
      subject: 'organisation',
      form: 'giai_tan',
    });
    expect(res.ok).toBe(true);
    expect(res.message).toContain('chuẩn y');
    expect(
      checkAuthority({ body: 'upper_inspection', subject: 'organisation', form: 'giai_tan' }).ok,
    ).toBe(false);
    expect(checkAuthority({ body: 'cell', subject: 'organisation', form: 'khien_trach' }).ok).toBe(
      false,
    );
  });
});

describe('limitation periods (docs/domain/discipline.md: 5 / 10 years / none)', () => {
  it('"Khiển trách: 5 years" counted from the violation', () => {
    const ok = checkLimitation({
      form: 'khien_trach',
      violationOn: '2021-06-01',
      decidedOn: '2026-05-31',
      ground: null,
    });
    expect(ok.ok).toBe(true);
    expect(ok.expiresOn).toBe('2026-06-01');
    const late = checkLimitation({
      form: 'khien_trach',
      violationOn: '2021-06-01',
      decidedOn: '2026-06-01',
      ground: null,
    });
    expect(late.ok).toBe(false);
    expect(late.message).toContain('hết thời hiệu');
  });
  it('"Cảnh cáo / Cách chức: 10 years"', () => {
    expect(
      checkLimitation({
        form: 'canh_cao',
        violationOn: '2017-01-10',
        decidedOn: '2026-03-01',
        ground: null,
      }).ok,
    ).toBe(true);
    expect(
      checkLimitation({
        form: 'cach_chuc',
        violationOn: '2015-01-10',
        decidedOn: '2026-03-01',
        ground: null,
      }).ok,
    ).toBe(false);
  });
  it('"Khai trừ / Giải tán: no limit"', () => {
    expect(
      checkLimitation({
        form: 'khai_tru',
        violationOn: '1990-01-01',
        decidedOn: '2026-03-01',
        ground: null,
      }).ok,
    ).toBe(true);
    expect(
      checkLimitation({
        form: 'giai_tan',
        violationOn: '1990-01-01',
        decidedOn: '2026-03-01',
        ground: null,
      }).expiresOn,
    ).toBeNull();
  });
  it('"No limit regardless of form" for internal politics, security, defence, foreign affairs, fake diplomas', () => {
    const res = checkLimitation({
      form: 'khien_trach',
      violationOn: '2005-01-01',
      decidedOn: '2026-03-01',
      ground: 'fake_diploma',
    });
    expect(res.ok).toBe(true);
    expect(res.message).toContain('Không áp dụng thời hiệu');
  });
  it('refuses a violation dated after the decision', () => {
    expect(
      checkLimitation({
        form: 'khien_trach',
        violationOn: '2026-05-01',
        decidedOn: '2026-03-01',
        ground: null,
      }).ok,
    ).toBe(false);
  });
});

describe('automatic lapse (docs/domain/discipline.md: 12 months after announcement, not for expulsion or dissolution)', () => {
  const base = {
    form: 'canh_cao' as const,
    decidedOn: '2025-03-10',
    announcedOn: '2025-03-20',
    annulled: false,
    complaintPending: false,
    laterDecisionOn: null,
  };
  it('lapses 12 months after the announcement', () => {
    expect(lapseDate(base)).toBe('2026-03-20');
    expect(disciplineStateOn(base, '2026-03-19')).toBe('in_force');
    expect(disciplineStateOn(base, '2026-03-20')).toBe('lapsed');
  });
  it('"with no appeal and no new violation": a pending complaint or a new discipline keeps it in force', () => {
    expect(disciplineStateOn({ ...base, complaintPending: true }, '2026-06-01')).toBe('in_force');
    expect(disciplineStateOn({ ...base, laterDecisionOn: '2025-12-01' }, '2026-06-01')).toBe(
      'in_force',
    );
  });
  it('"This does not apply to expulsion or dissolution"', () => {
    expect(lapseDate({ ...base, form: 'khai_tru' })).toBeNull();
    expect(disciplineStateOn({ ...base, form: 'khai_tru' }, '2030-01-01')).toBe('permanent');
  });
  it('an annulled decision is no longer in force', () => {
    expect(disciplineStateOn({ ...base, annulled: true }, '2025-04-01')).toBe('annulled');
  });
});

describe('complaints (docs/domain/discipline.md: 1 month from receiving the decision)', () => {
  it('accepts a complaint within the month and refuses a late one', () => {
    expect(checkComplaint({ receivedOn: '2026-01-31', filedOn: '2026-02-28' }).ok).toBe(true);
    const late = checkComplaint({ receivedOn: '2026-01-15', filedOn: '2026-02-16' });
    expect(late.ok).toBe(false);
    expect(late.deadline).toBe('2026-02-15');
  });
  it('"Final level: UBKTTW for khiển trách, cảnh cáo and cách chức; the Ban Bí thư for khai trừ"', () => {
    expect(finalComplaintLevel('khai_tru')).toBe('Ban Bí thư');
    expect(finalComplaintLevel('canh_cao')).toBe('Ủy ban Kiểm tra Trung ương');
  });
});

describe('all checks before a decision', () => {
  it('lists form, authority and limitation and fails when one fails', () => {
    const res = checkDecision({
      subject: 'member',
      standing: 'probationary',
      form: 'cach_chuc',
      body: 'upper_inspection',
      violationOn: '2025-01-01',
      decidedOn: '2026-01-01',
      ground: null,
    });
    expect(res.ok).toBe(false);
    expect(res.checks.map((c) => [c.rule, c.ok])).toEqual([
      ['Hình thức kỷ luật', false],
      ['Thẩm quyền', true],
      ['Thời hiệu', true],
    ]);
  });
});

const art15 = 'Quy định 22-QĐ/TW Điều 15 (69-QĐ/TW Điều 15)';
describe(`the vote (${art15})`, () => {
  const vote = (members: number, inFavour: number, present = members, against = 0) => ({
    members,
    present,
    inFavour,
    against,
  });
  it('"khiển trách, cảnh cáo, cách chức đối với đảng viên … trên một nửa số đảng viên chính thức": a cell of 9 full members needs 5 votes, of 10 needs 6', () => {
    const cell = { form: 'canh_cao' as const, proposal: false, body: 'cell' as const };
    expect(checkVote({ ...cell, vote: vote(9, 5) }).ok).toBe(true);
    const four = checkVote({ ...cell, vote: vote(9, 4) });
    expect(four.ok).toBe(false);
    expect(four.message).toContain('Không đạt đa số');
    expect(four.message).toContain('ít nhất 5/9');
    expect(checkVote({ ...cell, vote: vote(10, 5) }).ok).toBe(false);
    expect(checkVote({ ...cell, vote: vote(10, 6) })).toMatchObject({ ok: true, needed: 6 });
  });
  it("counts the body's members, not those present: 5 of 6 present in a committee of 11 is not a majority", () => {
    const res = checkVote({
      form: 'khien_trach',
      proposal: false,
      body: 'upper_standing',
      vote: vote(11, 5, 6, 1),
    });
    expect(res.ok).toBe(false);
    expect(res.message).toContain('số thành viên');
    expect(
      checkVote({
        form: 'khien_trach',
        proposal: false,
        body: 'upper_standing',
        vote: vote(11, 6, 7),
      }).ok,
    ).toBe(true);
  });
  it('"khai trừ … ít nhất hai phần ba … nhất trí đề nghị": a cell of 9 proposes with 6 votes, not 5; the competent body decides with more than half', () => {
    const propose = { form: 'khai_tru' as const, proposal: true, body: 'cell' as const };
    expect(checkVote({ ...propose, vote: vote(9, 6) }).ok).toBe(true);
    expect(checkVote({ ...propose, vote: vote(9, 5) }).ok).toBe(false);
    expect(checkVote({ ...propose, vote: vote(10, 7) })).toMatchObject({ ok: true, needed: 7 });
    const decide = {
      form: 'khai_tru' as const,
      proposal: false,
      body: 'upper_inspection' as const,
    };
    expect(checkVote({ ...decide, vote: vote(7, 4) }).ok).toBe(true);
    expect(checkVote({ ...decide, vote: vote(7, 3) }).ok).toBe(false);
  });
  it('dissolution: at least two thirds by default (a parameter: its text was not found)', () => {
    const dissolve = {
      form: 'giai_tan' as const,
      proposal: false,
      body: 'upper_committee' as const,
    };
    expect(checkVote({ ...dissolve, vote: vote(33, 22) }).ok).toBe(true);
    expect(checkVote({ ...dissolve, vote: vote(33, 21) }).ok).toBe(false);
    const half = {
      ...disciplineDefaults,
      dissolutionVote: { numerator: 1, denominator: 2, strict: true },
    };
    expect(checkVote({ ...dissolve, vote: vote(33, 17) }, half).ok).toBe(true);
  });
  it('refuses an impossible tally and a missing one', () => {
    const base = { form: 'khien_trach' as const, proposal: false, body: 'cell' as const };
    expect(checkVote({ ...base, vote: vote(5, 3, 6) }).message).toContain('có mặt');
    expect(checkVote({ ...base, vote: vote(9, 5, 6, 2) }).message).toContain('không tán thành');
    expect(checkVote({ ...base, vote: null })).toMatchObject({ ok: false });
    expect(checkVote({ ...base, vote: null }).message).toContain('Chưa ghi kết quả biểu quyết');
  });
  it('is one of the checks before a decision when a vote is given', () => {
    const res = checkDecision({
      subject: 'member',
      standing: 'full',
      form: 'canh_cao',
      body: 'cell',
      violationOn: '2026-01-01',
      decidedOn: '2026-03-01',
      ground: null,
      vote: vote(9, 4),
    });
    expect(res.ok).toBe(false);
    expect(res.checks.map((c) => c.rule)).toContain('Biểu quyết');
  });
});
