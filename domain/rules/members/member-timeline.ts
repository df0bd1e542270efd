// A member's status is never stored as a free field: it is derived here from the dated events
// (docs/domain/members.md). The server writes the result to cached columns and to `member_periods`
// (for "as of" queries) in the same transaction as the events, and nowhere else.
import { addDays } from '../../calendar/date-math';
import type { MemberEventKind, MemberStatus } from '../../enums/members';

export type Standing = 'probationary' | 'full';

export type TimelineEvent = {
  kind: MemberEventKind;
  eventDate: string; // ISO date
  orgUnitId?: number | null;
  /** For transfers in from outside the tree: the standing and original dates they bring. */
  standing?: Standing | null;
  originalAdmittedOn?: string | null;
  originalRecognisedOn?: string | null;
};

export type MemberPeriod = {
  validFrom: string;
  validTo: string | null;
  orgUnitId: number;
  status: MemberStatus;
  standing: Standing;
};

export type MemberCurrent = {
  status: MemberStatus;
  standing: Standing;
  orgUnitId: number;
  admittedOn: string | null;
  recognisedOn: string | null;
  /** Party age counts from here: the admission date pushed forward by any interruption. */
  partyAgeFrom: string | null;
  temporarilyAway: boolean;
};

export type TimelineProblem = { index: number; message: string };

export type MemberTimeline = {
  periods: MemberPeriod[];
  current: MemberCurrent | null;
  problems: TimelineProblem[];
};

const leftStatuses: readonly MemberStatus[] = ['removed', 'expelled', 'withdrew'];
const inPartyStatuses: readonly MemberStatus[] = ['probationary', 'full', 'exempted', 'suspended'];

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Events in the order they happened; same-day events keep the order they were recorded in. */
export const sortEvents = <E extends TimelineEvent>(events: readonly E[]): E[] =>
  events
    .map((event, i) => ({ event, i }))
    .sort((a, b) => a.event.eventDate.localeCompare(b.event.eventDate) || a.i - b.i)
    .map(({ event }) => event);

export const deriveMemberTimeline = (events: readonly TimelineEvent[]): MemberTimeline => {
  const periods: MemberPeriod[] = [];
  const problems: TimelineProblem[] = [];
  let current: MemberCurrent | null = null;
  let leftOn: string | null = null;

  const open = (date: string, next: MemberCurrent) => {
    const last = periods[periods.length - 1];
    if (last && last.validTo === null) {
      if (
        last.status === next.status &&
        last.standing === next.standing &&
        last.orgUnitId === next.orgUnitId
      ) {
        current = next;
        return;
      }
      if (last.validFrom === date) periods.pop();
      else last.validTo = date;
    }
    periods.push({
      validFrom: date,
      validTo: null,
      orgUnitId: next.orgUnitId,
      status: next.status,
      standing: next.standing,
    });
    current = next;
  };

  const applyEvent = (event: TimelineEvent, index: number) => {
    const fail = (message: string): void => {
      problems.push({ index, message });
    };
    const date = event.eventDate;
    const now = current as MemberCurrent | null;
    const isIn = now !== null && inPartyStatuses.includes(now.status);
    const needOrg = (): number | null => {
      if (event.orgUnitId == null) {
        fail('Sự kiện này cần chỉ rõ chi bộ sinh hoạt.');
        return null;
      }
      return event.orgUnitId;
    };

    switch (event.kind) {
      case 'admitted': {
        if (now) return fail('Đảng viên đã được kết nạp trước đó; dùng "Kết nạp lại" nếu cần.');
        const org = needOrg();
        if (org === null) return;
        open(date, {
          status: 'probationary',
          standing: 'probationary',
          orgUnitId: org,
          admittedOn: date,
          recognisedOn: null,
          partyAgeFrom: date,
          temporarilyAway: false,
        });
        return;
      }
      case 'readmitted': {
        if (!now || !leftStatuses.includes(now.status))
          return fail('Chỉ kết nạp lại người đã ra khỏi Đảng (xóa tên, khai trừ, xin ra).');
        const org = needOrg();
        if (org === null) return;
        const gap = leftOn ? daysBetween(leftOn, date) : 0;
        open(date, {
          ...now,
          status: 'probationary',
          standing: 'probationary',
          orgUnitId: org,
          recognisedOn: null,
          partyAgeFrom: now.partyAgeFrom ? addDays(now.partyAgeFrom, gap) : date,
          temporarilyAway: false,
        });
        return;
      }
      case 'recognised': {
        if (!now || !isIn || now.standing !== 'probationary')
          return fail('Chỉ công nhận chính thức cho đảng viên đang dự bị.');
        open(date, {
          ...now,
          standing: 'full',
          status: now.status === 'probationary' ? 'full' : now.status,
          recognisedOn: date,
        });
        return;
      }
      case 'transferred_in': {
        if (now && now.status !== 'transferred_out')
          return fail('Đảng viên đang sinh hoạt trong Đảng bộ, không thể chuyển đến.');
        const org = needOrg();
        if (org === null) return;
        const standing: Standing = event.standing ?? now?.standing ?? 'full';
        open(date, {
          status: standing,
          standing,
          orgUnitId: org,
          admittedOn: now?.admittedOn ?? event.originalAdmittedOn ?? null,
          recognisedOn:
            standing === 'full' ? (now?.recognisedOn ?? event.originalRecognisedOn ?? null) : null,
          partyAgeFrom: now?.partyAgeFrom ?? event.originalAdmittedOn ?? date,
          temporarilyAway: false,
        });
        return;
      }
      case 'moved': {
        if (!now || !isIn) return fail('Đảng viên không còn sinh hoạt trong Đảng bộ.');
        const org = needOrg();
        if (org === null) return;
        open(date, { ...now, orgUnitId: org });
        return;
      }
      case 'transferred_out':
      case 'died': {
        if (!now || !isIn) return fail('Đảng viên không còn sinh hoạt trong Đảng bộ.');
        open(date, { ...now, status: event.kind, temporarilyAway: false });
        return;
      }
      case 'removed':
      case 'expelled':
      case 'withdrew': {
        if (!now || !isIn) return fail('Đảng viên không còn sinh hoạt trong Đảng bộ.');
        leftOn = date;
        open(date, { ...now, status: event.kind, temporarilyAway: false });
        return;
      }
      case 'temporary_out': {
        if (!now || !isIn) return fail('Đảng viên không còn sinh hoạt trong Đảng bộ.');
        if (now.temporarilyAway) return fail('Đảng viên đang sinh hoạt tạm thời nơi khác.');
        // Temporary transferees are counted at home (docs/domain/members.md): no new period.
        current = { ...now, temporarilyAway: true };
        return;
      }
      case 'temporary_return': {
        if (!now?.temporarilyAway) return fail('Đảng viên không đang sinh hoạt tạm thời.');
        current = { ...now, temporarilyAway: false };
        return;
      }
      case 'exempted': {
        if (!now || (now.status !== 'probationary' && now.status !== 'full'))
          return fail('Chỉ miễn sinh hoạt cho đảng viên đang sinh hoạt bình thường.');
        open(date, { ...now, status: 'exempted' });
        return;
      }
      case 'exemption_ended': {
        if (now?.status !== 'exempted') return fail('Đảng viên không đang được miễn sinh hoạt.');
        open(date, { ...now, status: now.standing });
        return;
      }
      case 'suspended': {
        if (!now || (now.status !== 'probationary' && now.status !== 'full'))
          return fail('Chỉ đình chỉ sinh hoạt đảng viên đang sinh hoạt bình thường.');
        open(date, { ...now, status: 'suspended' });
        return;
      }
      case 'suspension_ended': {
        if (now?.status !== 'suspended') return fail('Đảng viên không đang bị đình chỉ.');
        open(date, { ...now, status: now.standing });
        return;
      }
    }
  };
  sortEvents(events).forEach(applyEvent);

  return { periods, current, problems };
};

/** Whole years of party age on a date (Điều lệ: from the admission decision, less interruptions). */
export const partyAgeYears = (partyAgeFrom: string, asOf: string): number => {
  const [fy, fm, fd] = partyAgeFrom.split('-').map(Number);
  const [ty, tm, td] = asOf.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
};

export const isInParty = (status: MemberStatus): boolean => inPartyStatuses.includes(status);
