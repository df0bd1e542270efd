import { describe, expect, it } from 'vitest';
import {
  monthsOfPeriod,
  periodEnded,
  periodInFuture,
  periodLabel,
  periodsOverlap,
  quarterState,
  remittanceDue,
  remittanceShareDefault,
  remittanceShareFor,
  splitDues,
} from './remittance';

describe('the share a grassroots organisation remits upward (docs/domain/dues.md)', () => {
  it('342-QĐ/TW, part C: "các tổ chức khác của Đảng được trích để lại 70%, nộp 30% lên cấp ủy cấp trên" (until 01/2026)', () => {
    const share = remittanceShareFor('2025-12');
    expect(share).toMatchObject({ keptPercent: 70, ruleSet: '342' });
    expect(share.source).toContain('342-QĐ/TW');
    expect(remittanceShareFor('2026-01').ruleSet).toBe('342');
  });

  it('from 02/2026 (Quy định 01-QĐ/TW, share not found in a published text) the administrator’s setting applies', () => {
    expect(remittanceShareFor('2026-02')).toMatchObject({ keptPercent: 70, ruleSet: '01' });
    expect(remittanceShareDefault.source).toContain('chưa đối chiếu');
    const set = { keptPercent: 60, source: 'Hướng dẫn số …' };
    expect(remittanceShareFor('2026-02', set)).toMatchObject({ keptPercent: 60, ruleSet: '01' });
    // The 342 months keep their published share whatever the setting says.
    expect(remittanceShareFor('2026-01', set).keptPercent).toBe(70);
  });

  it('rounds the kept share to the đồng and remits the rest', () => {
    expect(splitDues(100_001, 70)).toEqual({ kept: 70_001, remitted: 30_000 });
    expect(splitDues(1_000, null)).toBeNull();
  });

  it('splits each rule set’s months together, so a period under one share equals the split of its total', () => {
    const paid = new Map([
      ['2026-01', 10_000],
      ['2026-02', 20_001],
      ['2026-03', 30_000],
    ]);
    const months = monthsOfPeriod(2026, 'quarter', 1);
    expect(remittanceDue(paid, months)).toBe(splitDues(60_001, 70)!.remitted);
    const set = { keptPercent: 50, source: 'x' };
    expect(remittanceDue(paid, months, set)).toBe(3_000 + splitDues(50_001, 50)!.remitted);
  });

  it('names periods, finds overlaps, and knows ended and future periods', () => {
    expect(periodLabel(2026, 'quarter', 3)).toBe('Quý III/2026');
    expect(periodLabel(2026, 'month', 3)).toBe('Tháng 03/2026');
    expect(monthsOfPeriod(2026, 'quarter', 4)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(periodsOverlap({ kind: 'month', period: 5 }, { kind: 'quarter', period: 2 })).toBe(true);
    expect(periodsOverlap({ kind: 'month', period: 7 }, { kind: 'quarter', period: 2 })).toBe(
      false,
    );
    expect(periodEnded(2026, 'quarter', 3, '2026-10')).toBe(true);
    expect(periodEnded(2026, 'quarter', 4, '2026-12')).toBe(false);
    expect(periodInFuture(2027, 'month', 1, '2026-12')).toBe(true);
    expect(periodInFuture(2026, 'quarter', 4, '2026-12')).toBe(false);
  });

  it('flags an ended quarter with nothing received as unpaid, a smaller amount as short', () => {
    expect(quarterState({ ended: true, due: 100, received: 0 })).toBe('unpaid');
    expect(quarterState({ ended: true, due: 100, received: 40 })).toBe('short');
    expect(quarterState({ ended: true, due: 100, received: 100 })).toBe('paid');
    expect(quarterState({ ended: false, due: 100, received: 0 })).toBe('open');
  });
});
