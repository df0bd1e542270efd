// The 54 recognised ethnic groups (Danh mục các dân tộc Việt Nam) and common religions.
export const ethnicities = [
  'Kinh', 'Tày', 'Thái', 'Mường', 'Khmer', 'Hoa', 'Nùng', 'H\'Mông', 'Dao', 'Gia Rai', 'Ngái',
  'Ê Đê', 'Ba Na', 'Xơ Đăng', 'Sán Chay', 'Cơ Ho', 'Chăm', 'Sán Dìu', 'Hrê', 'Mnông', 'Raglay',
  'Xtiêng', 'Bru-Vân Kiều', 'Thổ', 'Giáy', 'Cơ Tu', 'Gié Triêng', 'Mạ', 'Khơ Mú', 'Co', 'Tà Ôi',
  'Chơ Ro', 'Kháng', 'Xinh Mun', 'Hà Nhì', 'Chu Ru', 'Lào', 'La Chí', 'La Ha', 'Phù Lá', 'La Hủ',
  'Lự', 'Lô Lô', 'Chứt', 'Mảng', 'Pà Thẻn', 'Cơ Lao', 'Cống', 'Bố Y', 'Si La', 'Pu Péo', 'Brâu',
  'Ơ Đu', 'Rơ Măm',
] as const;

export const religions = [
  'Không',
  'Phật giáo',
  'Công giáo',
  'Tin lành',
  'Cao Đài',
  'Phật giáo Hòa Hảo',
  'Hồi giáo',
  'Khác',
] as const;
