import { describe, expect, it } from 'vitest';
import { deriveMemberTimeline, partyAgeYears, type TimelineEvent } from './member-timeline';

const cellA = 11;
const cellB = 12;

describe('member status derived from dated events', () => {
  it('is probationary after admission and full after recognition, in the admitting cell', () => {
    const t = deriveMemberTimeline([
      { kind: 'recognised', eventDate: '2016-03-02' },
      { kind: 'admitted', eventDate: '2015-03-02', orgUnitId: cellA },
    ]);
    expect(t.problems).toEqual([]);
    expect(t.current).toMatchObject({
      status: 'full',
      standing: 'full',
      orgUnitId: cellA,
      admittedOn: '2015-03-02',
      recognisedOn: '2016-03-02',
    });
    expect(t.periods).toEqual([
      {
        validFrom: '2015-03-02',
        validTo: '2016-03-02',
        orgUnitId: cellA,
        status: 'probationary',
        standing: 'probationary',
      },
      {
        validFrom: '2016-03-02',
        validTo: null,
        orgUnitId: cellA,
        status: 'full',
        standing: 'full',
      },
    ]);
  });

  it('keeps a temporary transferee counted at home (no new period)', () => {
    const t = deriveMemberTimeline([
      { kind: 'admitted', eventDate: '2015-01-10', orgUnitId: cellA },
      { kind: 'temporary_out', eventDate: '2020-05-01' },
    ]);
    expect(t.periods).toHaveLength(1);
    expect(t.current?.orgUnitId).toBe(cellA);
    expect(t.current?.temporarilyAway).toBe(true);
  });

  it('moves the member to the new cell on an internal transfer', () => {
    const t = deriveMemberTimeline([
      { kind: 'admitted', eventDate: '2015-01-10', orgUnitId: cellA },
      { kind: 'recognised', eventDate: '2016-01-10' },
      { kind: 'moved', eventDate: '2019-07-01', orgUnitId: cellB },
    ]);
    expect(t.current?.orgUnitId).toBe(cellB);
    expect(t.periods.map((p) => [p.validFrom, p.orgUnitId])).toEqual([
      ['2015-01-10', cellA],
      ['2016-01-10', cellA],
      ['2019-07-01', cellB],
    ]);
  });

  it('returns to the previous standing when an exemption ends', () => {
    const t = deriveMemberTimeline([
      { kind: 'admitted', eventDate: '2010-01-10', orgUnitId: cellA },
      { kind: 'recognised', eventDate: '2011-01-10' },
      { kind: 'exempted', eventDate: '2023-01-01' },
      { kind: 'exemption_ended', eventDate: '2024-01-01' },
    ]);
    expect(t.current?.status).toBe('full');
  });

  it('rejects impossible histories with a Vietnamese reason', () => {
    const t = deriveMemberTimeline([
      { kind: 'admitted', eventDate: '2015-01-10', orgUnitId: cellA },
      { kind: 'died', eventDate: '2020-01-01' },
      { kind: 'moved', eventDate: '2021-01-01', orgUnitId: cellB },
    ]);
    expect(t.problems).toHaveLength(1);
    expect(t.problems[0].message).toMatch(/không còn sinh hoạt/);
    const twice = deriveMemberTimeline([
      { kind: 'admitted', eventDate: '2015-01-10', orgUnitId: cellA },
      { kind: 'admitted', eventDate: '2016-01-10', orgUnitId: cellA },
    ]);
    expect(twice.problems[0].message).toMatch(/Kết nạp lại/);
  });

  it('counts party age from admission less the interruption before re-admission', () => {
    const events: TimelineEvent[] = [
      { kind: 'admitted', eventDate: '2000-05-19', orgUnitId: cellA },
      { kind: 'recognised', eventDate: '2001-05-19' },
      { kind: 'removed', eventDate: '2010-01-01' },
      { kind: 'readmitted', eventDate: '2012-01-01', orgUnitId: cellB },
    ];
    const t = deriveMemberTimeline(events);
    expect(t.current?.status).toBe('probationary');
    // Two years (730 days) out of the party push the start from 2000-05-19 to 2002-05-19.
    expect(t.current?.partyAgeFrom).toBe('2002-05-19');
    expect(partyAgeYears(t.current!.partyAgeFrom!, '2026-05-18')).toBe(23);
    expect(partyAgeYears(t.current!.partyAgeFrom!, '2026-05-19')).toBe(24);
  });

  it('takes the standing and original admission date of a member transferred in from outside', () => {
    const t = deriveMemberTimeline([
      {
        kind: 'transferred_in',
        eventDate: '2018-09-01',
        orgUnitId: cellA,
        standing: 'full',
        originalAdmittedOn: '1995-02-03',
        originalRecognisedOn: '1996-02-03',
      },
    ]);
    expect(t.current).toMatchObject({
      status: 'full',
      admittedOn: '1995-02-03',
      partyAgeFrom: '1995-02-03',
    });
  });
});
