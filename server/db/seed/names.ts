// Plausible names, places and agencies for a Lạng Sơn agencies' party committee (demo data only).
import type { Random } from './random';

export const ethnicityWeights = [
  ['Tày', 38],
  ['Nùng', 30],
  ['Kinh', 25],
  ['Dao', 3],
  ['Hoa', 1.5],
  ['Sán Chay', 1.5],
  ["H'Mông", 0.5],
  ['Sán Dìu', 0.3],
  ['Mường', 0.2],
] as const;

const surnamesByEthnicity: Record<string, readonly string[]> = {
  Tày: ['Hoàng', 'Nông', 'Lương', 'Vi', 'Hà', 'Chu', 'Mạc', 'Đinh', 'Lộc', 'Bế', 'Ma', 'Đàm', 'Hứa', 'Lục', 'Nguyễn', 'Lành', 'Dương'],
  Nùng: ['Hoàng', 'Lăng', 'Vy', 'Lý', 'Triệu', 'Nông', 'Hứa', 'Lục', 'Chu', 'Mã', 'Lành', 'Đinh', 'La', 'Nguyễn'],
  Kinh: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô', 'Dương', 'Phan', 'Trịnh', 'Đào'],
  Dao: ['Triệu', 'Bàn', 'Lý', 'Đặng', 'Phùng', 'Chìu'],
  Hoa: ['Lý', 'Trương', 'Hầu', 'Lưu', 'Hoàng'],
  'Sán Chay': ['Hoàng', 'Lục', 'Nịnh', 'Ninh', 'La'],
  "H'Mông": ['Vàng', 'Giàng', 'Lý', 'Sùng'],
  'Sán Dìu': ['Trương', 'Diệp', 'Lam'],
  Mường: ['Đinh', 'Bùi', 'Quách'],
};

const middleMale = ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Thế', 'Xuân', 'Hữu', 'Đình', 'Ngọc', 'Mạnh', 'Tiến', 'Công'];
const middleFemale = ['Thị', 'Thị', 'Thị', 'Thu', 'Thanh', 'Minh', 'Ngọc', 'Hồng', 'Thúy', 'Kim', 'Phương', 'Hải', 'Bích'];
const givenMale = ['Hưng', 'Dũng', 'Tuấn', 'Hùng', 'Cường', 'Thắng', 'Long', 'Phong', 'Sơn', 'Quân', 'Nam', 'Hải', 'Khánh', 'Thành', 'Tú', 'Toàn', 'Hoàng', 'Đạt', 'Lâm', 'Vinh', 'Bình', 'Chiến', 'Ninh', 'Lợi', 'Đức', 'Huy', 'Kiên', 'Trung', 'An', 'Ân', 'Bảo', 'Định', 'Quyết', 'Thịnh', 'Tùng', 'Việt'];
const givenFemale = ['Hoa', 'Lan', 'Hương', 'Hằng', 'Thảo', 'Trang', 'Huyền', 'Nga', 'Nhung', 'Thủy', 'Mai', 'Linh', 'Yến', 'Dung', 'Hạnh', 'Loan', 'Ánh', 'Vân', 'Hiền', 'Duyên', 'Ngân', 'Phượng', 'Oanh', 'Quỳnh', 'Chinh', 'Liên', 'Tâm', 'Xuân', 'Ly', 'Ngọc'];

export const makeName = (rng: Random, ethnicity: string, sex: 'male' | 'female'): string => {
  const surname = rng.pick(surnamesByEthnicity[ethnicity] ?? surnamesByEthnicity.Kinh);
  const middle = rng.pick(sex === 'male' ? middleMale : middleFemale);
  const given = rng.pick(sex === 'male' ? givenMale : givenFemale);
  // Some names carry two middle words (Nguyễn Thị Thu Hằng).
  const extra = rng.chance(0.15) ? ` ${rng.pick(sex === 'male' ? middleMale.slice(3) : middleFemale.slice(3))}` : '';
  return `${surname} ${middle}${extra} ${given}`;
};

const districts: readonly [string, readonly string[]][] = [
  ['thành phố Lạng Sơn', ['phường Chi Lăng', 'phường Hoàng Văn Thụ', 'phường Tam Thanh', 'phường Vĩnh Trại', 'phường Đông Kinh', 'xã Mai Pha', 'xã Hoàng Đồng']],
  ['huyện Cao Lộc', ['xã Tân Liên', 'xã Gia Cát', 'xã Hợp Thành', 'xã Thụy Hùng', 'thị trấn Đồng Đăng', 'xã Bảo Lâm']],
  ['huyện Văn Lãng', ['thị trấn Na Sầm', 'xã Hoàng Văn Thụ', 'xã Tân Mỹ', 'xã Thụy Hùng']],
  ['huyện Tràng Định', ['thị trấn Thất Khê', 'xã Chi Lăng', 'xã Đại Đồng', 'xã Kháng Chiến']],
  ['huyện Bình Gia', ['thị trấn Bình Gia', 'xã Hồng Phong', 'xã Tân Văn', 'xã Hoa Thám']],
  ['huyện Bắc Sơn', ['thị trấn Bắc Sơn', 'xã Vũ Lăng', 'xã Hưng Vũ', 'xã Chiến Thắng']],
  ['huyện Hữu Lũng', ['thị trấn Hữu Lũng', 'xã Minh Sơn', 'xã Yên Bình', 'xã Hòa Thắng']],
  ['huyện Chi Lăng', ['thị trấn Đồng Mỏ', 'xã Quang Lang', 'xã Chi Lăng', 'xã Vân Thủy']],
  ['huyện Lộc Bình', ['thị trấn Lộc Bình', 'thị trấn Na Dương', 'xã Khánh Xuân', 'xã Yên Khoái']],
  ['huyện Đình Lập', ['thị trấn Đình Lập', 'xã Bắc Lãng', 'xã Kiên Mộc']],
  ['huyện Văn Quan', ['thị trấn Văn Quan', 'xã An Sơn', 'xã Tràng Các']],
];

export const makePlace = (rng: Random): string => {
  const [district, communes] = rng.pick(districts);
  return `${rng.pick(communes)}, ${district}, tỉnh Lạng Sơn`;
};

export const makeAddress = (rng: Random): string => {
  const [district, communes] = rng.pick(districts.slice(0, 3));
  return `Số ${rng.int(1, 180)}, ${rng.pick(['đường Bà Triệu', 'đường Trần Đăng Ninh', 'đường Lê Lợi', 'đường Hùng Vương', 'ngõ 2 Tam Thanh', 'đường Lý Thái Tổ', 'thôn Nà Chuông', 'khối 5'])}, ${rng.pick(communes)}, ${district}`;
};

export const externalOrganisations = [
  'Đảng bộ huyện Cao Lộc',
  'Đảng bộ huyện Văn Lãng',
  'Đảng bộ thành phố Lạng Sơn',
  'Đảng bộ Quân sự tỉnh Lạng Sơn',
  'Đảng bộ Công an tỉnh Lạng Sơn',
  'Đảng bộ tỉnh Bắc Giang',
  'Đảng bộ tỉnh Cao Bằng',
  'Đảng bộ Khối các cơ quan Trung ương',
  'Đảng bộ huyện Hữu Lũng',
  'Đảng bộ huyện Lộc Bình',
];

/** Grassroots organisations: name, agency kind, size class, and the cells of a đảng bộ. */
export type AgencySpec = {
  agency: string;
  kind: 'party' | 'state' | 'front_mass' | 'public_service' | 'enterprise';
  size: 'large' | 'medium' | 'small';
  cells?: readonly string[];
};

const officeCells = ['Chi bộ Văn phòng', 'Chi bộ Phòng Tổ chức – Hành chính', 'Chi bộ Phòng Kế hoạch – Tài chính'];

export const agencySpecs: readonly AgencySpec[] = [
  { agency: 'Văn phòng Tỉnh ủy', kind: 'party', size: 'large', cells: ['Chi bộ Phòng Tổng hợp', 'Chi bộ Phòng Hành chính – Lưu trữ', 'Chi bộ Phòng Quản trị – Tài vụ', 'Chi bộ Nhà khách Tỉnh ủy', 'Chi bộ Lái xe'] },
  { agency: 'Ban Tổ chức Tỉnh ủy', kind: 'party', size: 'medium' },
  { agency: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', kind: 'party', size: 'large', cells: ['Chi bộ Phòng Tuyên truyền', 'Chi bộ Phòng Dân vận', 'Chi bộ Phòng Khoa giáo – Văn hóa', 'Chi bộ Trung tâm Bồi dưỡng chính trị'] },
  { agency: 'Ủy ban Kiểm tra Tỉnh ủy', kind: 'party', size: 'medium' },
  { agency: 'Ban Nội chính Tỉnh ủy', kind: 'party', size: 'small' },
  { agency: 'Báo và Phát thanh, Truyền hình Lạng Sơn', kind: 'party', size: 'large', cells: ['Chi bộ Ban Thời sự', 'Chi bộ Ban Chuyên đề', 'Chi bộ Ban Biên tập Báo in', 'Chi bộ Phòng Kỹ thuật – Công nghệ', 'Chi bộ Ban Thư ký tòa soạn', 'Chi bộ Văn phòng'] },
  { agency: 'Trường Chính trị Hoàng Văn Thụ', kind: 'party', size: 'large', cells: ['Chi bộ Khoa Lý luận cơ sở', 'Chi bộ Khoa Xây dựng Đảng', 'Chi bộ Khoa Nhà nước và Pháp luật', 'Chi bộ Phòng Đào tạo', 'Chi bộ Văn phòng'] },
  { agency: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', kind: 'front_mass', size: 'large', cells: ['Chi bộ Ban Tổ chức – Tuyên giáo', 'Chi bộ Ban Dân chủ – Pháp luật', 'Chi bộ Tỉnh đoàn', 'Chi bộ Hội Liên hiệp Phụ nữ', 'Chi bộ Hội Nông dân', 'Chi bộ Hội Cựu chiến binh', 'Chi bộ Liên đoàn Lao động'] },
  { agency: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh', kind: 'state', size: 'medium', cells: ['Chi bộ Phòng Công tác Quốc hội', 'Chi bộ Phòng Công tác HĐND', 'Chi bộ Phòng Hành chính – Tổ chức – Quản trị'] },
  { agency: 'Tòa án nhân dân tỉnh', kind: 'state', size: 'large', cells: ['Chi bộ Tòa Hình sự', 'Chi bộ Tòa Dân sự', 'Chi bộ Tòa Hành chính – Kinh tế', 'Chi bộ Văn phòng', 'Chi bộ Phòng Giám đốc kiểm tra'] },
  { agency: 'Viện Kiểm sát nhân dân tỉnh', kind: 'state', size: 'large', cells: ['Chi bộ Phòng 1', 'Chi bộ Phòng 2', 'Chi bộ Phòng 7', 'Chi bộ Phòng 9', 'Chi bộ Văn phòng'] },
  { agency: 'Văn phòng UBND tỉnh', kind: 'state', size: 'large', cells: ['Chi bộ Phòng Tổng hợp', 'Chi bộ Phòng Kinh tế', 'Chi bộ Phòng Khoa giáo – Văn xã', 'Chi bộ Trung tâm Phục vụ hành chính công', 'Chi bộ Phòng Hành chính – Tổ chức'] },
  { agency: 'Sở Tài chính', kind: 'state', size: 'large', cells: [...officeCells, 'Chi bộ Phòng Quản lý ngân sách', 'Chi bộ Phòng Tài chính đầu tư', 'Chi bộ Phòng Quản lý giá – Công sản'] },
  { agency: 'Sở Kế hoạch và Đầu tư', kind: 'state', size: 'medium', cells: ['Chi bộ Văn phòng Sở', 'Chi bộ Phòng Đăng ký kinh doanh', 'Chi bộ Phòng Tổng hợp – Quy hoạch', 'Chi bộ Trung tâm Xúc tiến đầu tư'] },
  { agency: 'Sở Nội vụ', kind: 'state', size: 'large', cells: [...officeCells, 'Chi bộ Ban Thi đua – Khen thưởng', 'Chi bộ Phòng Công chức, viên chức', 'Chi bộ Trung tâm Lưu trữ lịch sử'] },
  { agency: 'Sở Lao động – Thương binh và Xã hội', kind: 'state', size: 'large', cells: ['Chi bộ Văn phòng Sở', 'Chi bộ Phòng Người có công', 'Chi bộ Trung tâm Dịch vụ việc làm', 'Chi bộ Cơ sở cai nghiện ma túy', 'Chi bộ Trung tâm Bảo trợ xã hội'] },
  { agency: 'Sở Tư pháp', kind: 'state', size: 'medium', cells: ['Chi bộ Văn phòng Sở', 'Chi bộ Phòng Hành chính tư pháp', 'Chi bộ Trung tâm Trợ giúp pháp lý', 'Chi bộ Phòng Công chứng số 1'] },
  { agency: 'Sở Công Thương', kind: 'state', size: 'medium', cells: ['Chi bộ Văn phòng Sở', 'Chi bộ Phòng Quản lý thương mại', 'Chi bộ Phòng Quản lý công nghiệp', 'Chi bộ Trung tâm Khuyến công'] },
  { agency: 'Sở Nông nghiệp và Phát triển nông thôn', kind: 'state', size: 'large', cells: ['Chi bộ Văn phòng Sở', 'Chi bộ Chi cục Kiểm lâm', 'Chi bộ Chi cục Thủy lợi', 'Chi bộ Chi cục Trồng trọt và Bảo vệ thực vật', 'Chi bộ Chi cục Chăn nuôi và Thú y', 'Chi bộ Trung tâm Khuyến nông', 'Chi bộ Trung tâm Nước sạch và VSMTNT', 'Chi bộ Ban Quản lý rừng đặc dụng Hữu Liên'] },
  { agency: 'Sở Tài nguyên và Môi trường', kind: 'state', size: 'large', cells: ['Chi bộ Văn phòng Sở', 'Chi bộ Văn phòng Đăng ký đất đai', 'Chi bộ Trung tâm Quan trắc tài nguyên và môi trường', 'Chi bộ Trung tâm Phát triển quỹ đất', 'Chi bộ Phòng Quản lý đất đai'] },
  { agency: 'Sở Xây dựng', kind: 'state', size: 'medium', cells: ['Chi bộ Văn phòng Sở', 'Chi bộ Phòng Quản lý xây dựng', 'Chi bộ Trung tâm Quy hoạch xây dựng', 'Chi bộ Trung tâm Kiểm định chất lượng công trình'] },
  { agency: 'Sở Giao thông vận tải', kind: 'state', size: 'medium', cells: ['Chi bộ Văn phòng Sở', 'Chi bộ Phòng Quản lý vận tải', 'Chi bộ Trung tâm Đăng kiểm', 'Chi bộ Ban Quản lý bảo trì đường bộ'] },
  { agency: 'Sở Khoa học và Công nghệ', kind: 'state', size: 'medium', cells: ['Chi bộ Văn phòng Sở', 'Chi bộ Chi cục Tiêu chuẩn Đo lường Chất lượng', 'Chi bộ Trung tâm Ứng dụng tiến bộ KH&CN'] },
  { agency: 'Sở Thông tin và Truyền thông', kind: 'state', size: 'small' },
  { agency: 'Sở Giáo dục và Đào tạo', kind: 'state', size: 'large', cells: ['Chi bộ Văn phòng Sở', 'Chi bộ Phòng Giáo dục Trung học', 'Chi bộ Phòng Giáo dục Mầm non – Tiểu học', 'Chi bộ Phòng Khảo thí và Quản lý chất lượng', 'Chi bộ Phòng Tổ chức cán bộ'] },
  { agency: 'Sở Y tế', kind: 'state', size: 'large', cells: ['Chi bộ Văn phòng Sở', 'Chi bộ Phòng Nghiệp vụ Y', 'Chi bộ Phòng Nghiệp vụ Dược', 'Chi bộ Chi cục Dân số', 'Chi bộ Trung tâm Pháp y', 'Chi bộ Trung tâm Giám định y khoa'] },
  { agency: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'state', size: 'large', cells: ['Chi bộ Văn phòng Sở', 'Chi bộ Bảo tàng tỉnh', 'Chi bộ Thư viện tỉnh', 'Chi bộ Trung tâm Văn hóa – Nghệ thuật', 'Chi bộ Trung tâm Huấn luyện và Thi đấu thể thao', 'Chi bộ Trung tâm Thông tin xúc tiến du lịch'] },
  { agency: 'Ban Dân tộc tỉnh', kind: 'state', size: 'small' },
  { agency: 'Thanh tra tỉnh', kind: 'state', size: 'medium', cells: ['Chi bộ Phòng Nghiệp vụ 1', 'Chi bộ Phòng Nghiệp vụ 2', 'Chi bộ Phòng Tiếp công dân', 'Chi bộ Văn phòng'] },
  { agency: 'Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn', kind: 'state', size: 'large', cells: ['Chi bộ Văn phòng Ban', 'Chi bộ Trung tâm Quản lý cửa khẩu Hữu Nghị', 'Chi bộ Trung tâm Quản lý cửa khẩu Tân Thanh', 'Chi bộ Trung tâm Quản lý cửa khẩu Chi Ma', 'Chi bộ Phòng Quản lý đầu tư'] },
  { agency: 'Bảo hiểm xã hội tỉnh', kind: 'state', size: 'large', cells: ['Chi bộ Văn phòng', 'Chi bộ Phòng Thu – Sổ thẻ', 'Chi bộ Phòng Chế độ BHXH', 'Chi bộ Phòng Giám định BHYT', 'Chi bộ Phòng Kế hoạch – Tài chính'] },
  { agency: 'Ngân hàng Nhà nước chi nhánh tỉnh', kind: 'state', size: 'small' },
  { agency: 'Bệnh viện Đa khoa tỉnh', kind: 'public_service', size: 'large', cells: ['Chi bộ Khối Nội', 'Chi bộ Khối Ngoại', 'Chi bộ Khoa Sản', 'Chi bộ Khoa Nhi', 'Chi bộ Khối Cận lâm sàng', 'Chi bộ Khoa Hồi sức cấp cứu', 'Chi bộ Phòng Điều dưỡng', 'Chi bộ Khối Hành chính'] },
  { agency: 'Bệnh viện Y dược cổ truyền và Phục hồi chức năng', kind: 'public_service', size: 'medium', cells: ['Chi bộ Khối Lâm sàng', 'Chi bộ Khối Cận lâm sàng', 'Chi bộ Khối Hành chính'] },
  { agency: 'Bệnh viện Phổi', kind: 'public_service', size: 'medium', cells: ['Chi bộ Khối Lâm sàng', 'Chi bộ Khối Cận lâm sàng – Hành chính'] },
  { agency: 'Trung tâm Kiểm soát bệnh tật tỉnh', kind: 'public_service', size: 'medium', cells: ['Chi bộ Khoa Phòng chống bệnh truyền nhiễm', 'Chi bộ Khoa Dinh dưỡng', 'Chi bộ Phòng Tổ chức – Hành chính'] },
  { agency: 'Trường Cao đẳng Y tế Lạng Sơn', kind: 'public_service', size: 'medium', cells: ['Chi bộ Khoa Y', 'Chi bộ Khoa Điều dưỡng', 'Chi bộ Khối Phòng'] },
  { agency: 'Trường Cao đẳng Sư phạm Lạng Sơn', kind: 'public_service', size: 'medium', cells: ['Chi bộ Khoa Tự nhiên', 'Chi bộ Khoa Xã hội', 'Chi bộ Khối Phòng'] },
  { agency: 'Trường Cao đẳng Công nghệ và Nông lâm Đông Bắc', kind: 'public_service', size: 'medium', cells: ['Chi bộ Khoa Nông lâm', 'Chi bộ Khoa Công nghệ', 'Chi bộ Khối Phòng'] },
  { agency: 'Trường THPT Chuyên Chu Văn An', kind: 'public_service', size: 'medium', cells: ['Chi bộ Tổ Tự nhiên', 'Chi bộ Tổ Xã hội', 'Chi bộ Tổ Ngoại ngữ – Văn phòng'] },
  { agency: 'Trường THPT Việt Bắc', kind: 'public_service', size: 'medium', cells: ['Chi bộ Tổ Tự nhiên', 'Chi bộ Tổ Xã hội'] },
  { agency: 'Trường THPT Hoàng Văn Thụ', kind: 'public_service', size: 'medium', cells: ['Chi bộ Tổ Tự nhiên', 'Chi bộ Tổ Xã hội'] },
  { agency: 'Quỹ Đầu tư phát triển tỉnh', kind: 'public_service', size: 'small' },
  { agency: 'Liên minh Hợp tác xã tỉnh', kind: 'front_mass', size: 'small' },
  { agency: 'Hội Chữ thập đỏ tỉnh', kind: 'front_mass', size: 'small' },
  { agency: 'Hội Văn học nghệ thuật tỉnh', kind: 'front_mass', size: 'small' },
  { agency: 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh', kind: 'front_mass', size: 'small' },
  { agency: 'Hội Luật gia tỉnh', kind: 'front_mass', size: 'small' },
  { agency: 'Hội Nhà báo tỉnh', kind: 'front_mass', size: 'small' },
  { agency: 'Hội Người cao tuổi tỉnh', kind: 'front_mass', size: 'small' },
  { agency: 'Hội Khuyến học tỉnh', kind: 'front_mass', size: 'small' },
  { agency: 'Ban Quản lý dự án đầu tư xây dựng tỉnh', kind: 'public_service', size: 'medium', cells: ['Chi bộ Phòng Kỹ thuật', 'Chi bộ Phòng Kế hoạch – Tài chính', 'Chi bộ Phòng Hành chính'] },
  { agency: 'Trung tâm Công nghệ thông tin và Truyền thông', kind: 'public_service', size: 'small' },
  { agency: 'Ban Quản lý Khu du lịch Mẫu Sơn', kind: 'public_service', size: 'small' },
  { agency: 'Trung tâm Công tác xã hội tỉnh', kind: 'public_service', size: 'small' },
  { agency: 'Công ty TNHH MTV Xổ số kiến thiết Lạng Sơn', kind: 'enterprise', size: 'small' },
  { agency: 'Công ty Cổ phần Cấp thoát nước Lạng Sơn', kind: 'enterprise', size: 'small' },
  { agency: 'Công ty Lâm nghiệp Đình Lập', kind: 'enterprise', size: 'small' },
  { agency: 'Công ty Lâm nghiệp Lộc Bình', kind: 'enterprise', size: 'small' },
  { agency: 'Trung tâm Bảo trợ xã hội tỉnh', kind: 'public_service', size: 'small' },
  { agency: 'Trung tâm Kiểm nghiệm thuốc, mỹ phẩm, thực phẩm', kind: 'public_service', size: 'small' },
  { agency: 'Trung tâm Kỹ thuật tài nguyên và môi trường', kind: 'public_service', size: 'small' },
  { agency: 'Cục Thống kê tỉnh', kind: 'state', size: 'small' },
  { agency: 'Trường Phổ thông Dân tộc nội trú tỉnh', kind: 'public_service', size: 'small' },
  { agency: 'Trường THPT Ngô Thì Sĩ', kind: 'public_service', size: 'small' },
  { agency: 'Trường THPT Dân tộc nội trú tỉnh', kind: 'public_service', size: 'small' },
];

/** District schools and units fill the list up to the target number of grassroots organisations. */
export const schoolTowns = ['Tràng Định', 'Bình Gia', 'Văn Quan', 'Bắc Sơn', 'Hữu Lũng', 'Chi Lăng', 'Cao Lộc', 'Lộc Bình', 'Đình Lập', 'Văn Lãng', 'Na Dương', 'Đồng Đăng', 'Tân Thành', 'Vân Nham', 'Thất Khê', 'Bình Độ', 'Đồng Bành', 'Lương Văn Tri', 'Vũ Lễ', 'Pác Khuông', 'Hòa Bình', 'Tú Đoạn', 'Na Sầm', 'Hội Hoan', 'Yên Bình', 'Ba Sơn', 'Tân Đoàn', 'Bắc Xa', 'Việt Yên', 'Lộc Yên'];

export const positions = [
  ['Chuyên viên', 30],
  ['Chuyên viên chính', 10],
  ['Phó Trưởng phòng', 8],
  ['Trưởng phòng', 6],
  ['Phó Giám đốc', 2],
  ['Giáo viên', 8],
  ['Giảng viên', 3],
  ['Bác sĩ', 6],
  ['Điều dưỡng', 6],
  ['Kế toán', 4],
  ['Văn thư', 2],
  ['Phóng viên', 2],
  ['Biên tập viên', 2],
  ['Kỹ thuật viên', 4],
  ['Nhân viên', 5],
  ['Lái xe', 2],
] as const;
