// Member vocabulary (docs/domain/members.md).

export const memberStatuses = [
  'probationary',
  'full',
  'exempted',
  'suspended',
  'transferred_out',
  'removed',
  'expelled',
  'withdrew',
  'died',
] as const;
export type MemberStatus = (typeof memberStatuses)[number];

export const memberStatusLabels: Record<MemberStatus, string> = {
  probationary: 'Dự bị',
  full: 'Chính thức',
  exempted: 'Miễn sinh hoạt',
  suspended: 'Đình chỉ sinh hoạt',
  transferred_out: 'Đã chuyển đi',
  removed: 'Xóa tên',
  expelled: 'Khai trừ',
  withdrew: 'Xin ra khỏi Đảng',
  died: 'Từ trần',
};

/** Statuses that still count in an organisation's membership. */
export const activeStatuses: readonly MemberStatus[] = [
  'probationary',
  'full',
  'exempted',
  'suspended',
];

export const memberEventKinds = [
  'admitted',
  'recognised',
  'readmitted',
  'transferred_in',
  'transferred_out',
  'moved',
  'temporary_out',
  'temporary_return',
  'exempted',
  'exemption_ended',
  'suspended',
  'suspension_ended',
  'removed',
  'expelled',
  'withdrew',
  'died',
] as const;
export type MemberEventKind = (typeof memberEventKinds)[number];

export const memberEventLabels: Record<MemberEventKind, string> = {
  admitted: 'Kết nạp vào Đảng',
  recognised: 'Công nhận đảng viên chính thức',
  readmitted: 'Kết nạp lại',
  transferred_in: 'Chuyển sinh hoạt chính thức đến',
  transferred_out: 'Chuyển sinh hoạt chính thức đi',
  moved: 'Chuyển sinh hoạt trong Đảng bộ',
  temporary_out: 'Chuyển sinh hoạt tạm thời đi',
  temporary_return: 'Trở lại sau sinh hoạt tạm thời',
  exempted: 'Miễn công tác và sinh hoạt',
  exemption_ended: 'Thôi miễn sinh hoạt',
  suspended: 'Đình chỉ sinh hoạt',
  suspension_ended: 'Hết đình chỉ sinh hoạt',
  removed: 'Xóa tên',
  expelled: 'Khai trừ',
  withdrew: 'Xin ra khỏi Đảng',
  died: 'Từ trần',
};

export const sexes = ['male', 'female'] as const;
export type Sex = (typeof sexes)[number];
export const sexLabels: Record<Sex, string> = { male: 'Nam', female: 'Nữ' };

export const professionalLevels = [
  'none',
  'elementary',
  'intermediate',
  'college',
  'bachelor',
  'master',
  'doctor',
] as const;
export type ProfessionalLevel = (typeof professionalLevels)[number];
export const professionalLevelLabels: Record<ProfessionalLevel, string> = {
  none: 'Chưa qua đào tạo',
  elementary: 'Sơ cấp',
  intermediate: 'Trung cấp',
  college: 'Cao đẳng',
  bachelor: 'Đại học',
  master: 'Thạc sĩ',
  doctor: 'Tiến sĩ',
};

export const politicalTheoryLevels = [
  'none',
  'elementary',
  'intermediate',
  'advanced',
  'bachelor',
] as const;
export type PoliticalTheoryLevel = (typeof politicalTheoryLevels)[number];
export const politicalTheoryLabels: Record<PoliticalTheoryLevel, string> = {
  none: 'Chưa qua đào tạo',
  elementary: 'Sơ cấp',
  intermediate: 'Trung cấp',
  advanced: 'Cao cấp',
  bachelor: 'Cử nhân',
};

/** Age bands of the statistical forms; age counted by year (report year − birth year). */
export const ageBands = ['to30', '31_40', '41_50', '51_60', '61_70', 'over70'] as const;
export type AgeBand = (typeof ageBands)[number];
export const ageBandLabels: Record<AgeBand, string> = {
  to30: 'Đến 30 tuổi',
  '31_40': 'Từ 31 đến 40',
  '41_50': 'Từ 41 đến 50',
  '51_60': 'Từ 51 đến 60',
  '61_70': 'Từ 61 đến 70',
  over70: 'Trên 70 tuổi',
};
/** Inclusive [min, max] age in years per band. */
export const ageBandRanges: Record<AgeBand, [number, number]> = {
  to30: [0, 30],
  '31_40': [31, 40],
  '41_50': [41, 50],
  '51_60': [51, 60],
  '61_70': [61, 70],
  over70: [71, 200],
};

export const partyAgeBands = ['under10', '10_19', '20_29', '30_39', '40_49', '50plus'] as const;
export type PartyAgeBand = (typeof partyAgeBands)[number];
export const partyAgeBandLabels: Record<PartyAgeBand, string> = {
  under10: 'Dưới 10 năm',
  '10_19': 'Từ 10 đến dưới 20 năm',
  '20_29': 'Từ 20 đến dưới 30 năm',
  '30_39': 'Từ 30 đến dưới 40 năm',
  '40_49': 'Từ 40 đến dưới 50 năm',
  '50plus': 'Từ 50 năm trở lên',
};
export const partyAgeBandRanges: Record<PartyAgeBand, [number, number]> = {
  under10: [0, 9],
  '10_19': [10, 19],
  '20_29': [20, 29],
  '30_39': [30, 39],
  '40_49': [40, 49],
  '50plus': [50, 200],
};

export const bandOf = <B extends string>(
  years: number,
  ranges: Record<B, [number, number]>,
): B | null => {
  for (const [band, [min, max]] of Object.entries(ranges) as [B, [number, number]][]) {
    if (years >= min && years <= max) return band;
  }
  return null;
};
