// The short guide of each page (issue 22: "there is no help anywhere"), keyed by the route's pattern
// exactly as web/src/app/App.tsx names it. help-texts.test.ts fails when a route has no entry: add one
// with the page. Each guide says what the page is for, how it is used, and the rule behind it with the
// regulation's name (docs/domain/*.md state each rule, its source and the years it applies to).
// The full user guide: docs/user-guide/.

export type HelpEntry = {
  /** The page's name as the menu shows it. */
  title: string;
  /** What the page is for, in one or two sentences. */
  purpose: string;
  /** How it is used: the steps or the things to know. */
  steps: string[];
  /** The rules the page applies, each with the regulation's name. */
  rules?: string[];
  /** The chapter of docs/user-guide/ that covers the page. */
  guide?: string;
};

export const helpTexts: Record<string, HelpEntry> = {
  '/dang-nhap': {
    title: 'Đăng nhập',
    purpose: 'Vào hệ thống bằng tài khoản được quản trị viên cấp.',
    steps: [
      'Nhập tên đăng nhập và mật khẩu; tài khoản quản trị và Ủy ban kiểm tra nhập thêm mã xác thực hai lớp (6 số trên ứng dụng xác thực).',
      'Lần đầu đăng nhập bằng mật khẩu một lần, hệ thống yêu cầu đổi mật khẩu.',
      'Nhập sai nhiều lần, tài khoản bị khóa tạm thời; liên hệ quản trị viên nếu quên mật khẩu.',
    ],
    guide: '01-bat-dau.md',
  },
  '/doi-mat-khau': {
    title: 'Đổi mật khẩu',
    purpose: 'Đặt mật khẩu riêng thay cho mật khẩu một lần hoặc mật khẩu cũ.',
    steps: [
      'Nhập mật khẩu hiện tại và mật khẩu mới hai lần.',
      'Đổi mật khẩu xong, các phiên đăng nhập khác vẫn giữ; dùng "Đăng xuất trên mọi thiết bị" nếu nghi lộ mật khẩu.',
    ],
    guide: '01-bat-dau.md',
  },
  '/xac-thuc-hai-lop': {
    title: 'Xác thực hai lớp',
    purpose:
      'Bật mã xác thực thứ hai (TOTP) cho tài khoản; bắt buộc với quản trị viên và Ủy ban kiểm tra vì các tài khoản này xem hồ sơ hạn chế.',
    steps: [
      'Quét mã QR bằng ứng dụng xác thực (Google Authenticator, Microsoft Authenticator…).',
      'Nhập mã 6 số ứng dụng hiển thị để xác nhận.',
    ],
    rules: [
      'Thông tin hồ sơ đảng viên là dữ liệu cá nhân cần bảo vệ theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.',
    ],
    guide: '01-bat-dau.md',
  },
  '/': {
    title: 'Trang chủ',
    purpose:
      'Trang mở ra sau khi đăng nhập: việc của chính mình hôm nay, theo vai trò và phạm vi của tài khoản, mỗi việc dẫn tới trang làm việc đó.',
    steps: [
      'Đảng viên: hồ sơ của mình, đảng phí đã đóng và còn nợ, bản tự kiểm điểm khi có đợt đánh giá (hoặc lý do chưa có), sinh hoạt chi bộ, nghị quyết cần viết thu hoạch, huy hiệu, thông báo.',
      'Bí thư chi bộ: buổi sinh hoạt tháng này (đã ghi hay chưa), đảng phí cần thu tháng này, thời hạn của quần chúng ưu tú và đảng viên dự bị, đảng viên cần đánh giá trong đợt đang mở, đảng viên chuyển đến chờ tiếp nhận.',
      'Văn phòng cấp ủy, Ban Thường vụ: số việc đến hạn theo loại và theo đơn vị (bấm để xem danh sách đã lọc), chỉ tiêu có nguy cơ không đạt, nhiệm vụ quá hạn, báo cáo tổng kết năm.',
      'Ủy ban kiểm tra: các cuộc kiểm tra, giám sát đang tiến hành theo bước tiếp theo và hạn kết thúc, đề nghị kỷ luật sắp hết thời hiệu.',
      'Trang Tổng quan (số liệu đảng viên, tổ chức) vẫn ở trình đơn "Tổng quan".',
    ],
    rules: [
      'Chi bộ sinh hoạt thường kỳ mỗi tháng một lần (Điều lệ Đảng).',
      'Thời hiệu kỷ luật: 5 năm với khiển trách, 10 năm với cảnh cáo, cách chức, tính từ khi có hành vi vi phạm (Quy định 22-QĐ/TW).',
      'Đảng phí đóng hằng tháng theo Quy định 01-QĐ/TW (từ 02/2026).',
    ],
    guide: '01-bat-dau.md',
  },
  '/tong-quan': {
    title: 'Tổng quan',
    purpose:
      'Số liệu chính của đảng bộ trong phạm vi tài khoản: tổ chức đảng, đảng viên, phát triển đảng viên, biến động trong năm.',
    steps: [
      'Bấm vào một con số để xem danh sách hồ sơ đứng sau con số đó (đơn vị, ngày, xếp theo cột); "Xuất Excel" tải đúng các hồ sơ con số đã đếm.',
      'Mọi con số đều tính bằng một chỉ số có tên, giống con số in trong báo cáo.',
    ],
    guide: '03-van-phong-cap-uy.md',
  },
  '/to-chuc': {
    title: 'Tổ chức đảng',
    purpose:
      'Cây tổ chức đảng qua các thời kỳ: thành lập, đổi tên, điều chuyển, hợp nhất, chia tách, giải thể, mỗi thay đổi kèm quyết định và ngày hiệu lực.',
    steps: [
      'Chọn một tổ chức trên cây để xem thông tin, cấp ủy và lịch sử.',
      'Dùng "Thay đổi tổ chức" để ghi một quyết định; đảng viên của tổ chức giải thể phải được chuyển sinh hoạt trước.',
    ],
    rules: [
      'Sắp xếp tổ chức theo Kết luận 121-KL/TW (2025); không ghi tổ chức có ngày thành lập trước tổ chức cấp trên.',
    ],
    guide: '06-to-chuc-dang-vien.md',
  },
  '/dang-vien': {
    title: 'Đảng viên',
    purpose: 'Danh sách đảng viên trong phạm vi: tìm, lọc, xuất Excel, thêm đảng viên.',
    steps: [
      'Gõ họ tên có hoặc không dấu để tìm; lọc theo chi bộ, trạng thái, năm sinh…',
      'Xuất danh sách được ghi vào nhật ký vì chứa dữ liệu cá nhân.',
      'Nút "In trích ngang" in đúng danh sách đang lọc thành danh sách trích ngang (Word khổ ngang, sửa được; hoặc PDF).',
    ],
    rules: [
      'Hồ sơ và các sự kiện theo Quy định 294-QĐ/TW và Hướng dẫn 06-HD/TW (2025) thi hành Điều lệ Đảng.',
      'Một số trường (dân tộc, tôn giáo, lịch sử chính trị gia đình) chỉ người có thẩm quyền được xem (Hướng dẫn 01-HD/TW 2021 về hồ sơ đảng viên; Nghị định 13/2023/NĐ-CP).',
    ],
    guide: '06-to-chuc-dang-vien.md',
  },
  '/dang-vien/:id': {
    title: 'Hồ sơ đảng viên',
    purpose:
      'Hồ sơ một đảng viên: thông tin, quá trình sinh hoạt theo các sự kiện có ngày, thẻ đảng, huy hiệu, đảng phí, cấp ủy.',
    steps: [
      'Trạng thái (dự bị, chính thức, chuyển đi…) tính từ các sự kiện đã ghi, không sửa tay.',
      'Chuyển sinh hoạt chính thức: ghi giấy giới thiệu; nơi nhận có 30 ngày để tiếp nhận.',
      'Đảng viên xem được hồ sơ của chính mình.',
      'Nút "In biểu mẫu": phiếu đảng viên (mẫu 2-HSĐV) và lý lịch đảng viên (mẫu 1-HSĐV) điền sẵn từ hồ sơ, có khung ảnh 3x4; ở sự kiện chuyển sinh hoạt đi: giấy giới thiệu sinh hoạt đảng kèm cuống, mang số giấy đã ghi.',
      'Ảnh: bấm "Tải ảnh", chọn ảnh JPEG hoặc PNG (không quá 5 MB), kéo khung 3 × 4 vào khuôn mặt rồi "Lưu ảnh"; ảnh được in lên các mẫu hồ sơ và danh sách ảnh thẻ.',
    ],
    rules: [
      'Sự kiện, chuyển sinh hoạt đảng, miễn sinh hoạt, xóa tên: Quy định 294-QĐ/TW và Hướng dẫn 06-HD/TW (2025).',
      'Thẻ đảng viên: Chỉ thị 51-CT/TW (2025) và Quy định 06-QĐ/TW (2026).',
    ],
    guide: '02-dang-vien.md',
  },
  '/phat-trien-dang': {
    title: 'Phát triển đảng viên',
    purpose:
      'Theo dõi quần chúng ưu tú qua các bước kết nạp và đảng viên dự bị đến khi được công nhận chính thức, với hạn của từng bước.',
    steps: [
      'Thêm quần chúng, rồi ghi từng bước (học lớp cảm tình, người giới thiệu, chi bộ xét, cấp ủy cấp trên quyết định…).',
      'Hạn tính bằng ngày làm việc theo Lịch ngày làm việc; việc sắp đến hạn hiện ở "Việc cần làm".',
    ],
    rules: [
      'Điều kiện, các bước, biểu quyết 2/3 và thời hạn theo Điều lệ Đảng (Điều 1–5), Quy định 294-QĐ/TW và Hướng dẫn 06-HD/TW (2025); biểu mẫu theo Hướng dẫn 12-HD/BTCTW.',
    ],
    guide: '04-phat-trien-dang-vien.md',
  },
  '/phat-trien-dang/:id': {
    title: 'Hồ sơ quần chúng',
    purpose: 'Các bước kết nạp của một người, giấy tờ kèm theo và hạn của bước tiếp theo.',
    steps: [
      'Ghi bước tiếp theo với ngày và số quyết định; tải biểu mẫu điền sẵn.',
      'Dừng xem xét khi không đủ điều kiện, ghi rõ lý do.',
      'Khi chi bộ đã biểu quyết, nút "In quyết định" lập dự thảo quyết định kết nạp (9-KNĐ), rồi quyết định công nhận đảng viên chính thức (16-KNĐ), từ các bước đã ghi.',
    ],
    rules: [
      'Điều lệ Đảng (Điều 4, 5), Quy định 294-QĐ/TW, Hướng dẫn 06-HD/TW (2025); biểu mẫu của Hướng dẫn 12-HD/BTCTW.',
    ],
    guide: '04-phat-trien-dang-vien.md',
  },
  '/thong-bao': {
    title: 'Thông báo',
    purpose:
      'Những việc của đồng chí trong phạm vi được giao: thời hạn sắp đến hoặc đã quá (từ "Việc cần làm") và các quyết định liên quan — công bố kết quả xếp loại, quyết định kỷ luật, đảng viên chuyển sinh hoạt đến, nhiệm vụ trọng tâm cấp trên giao.',
    steps: [
      'Chuông trên thanh đầu trang cho biết số thông báo chưa đọc; bấm chuông để mở trang này.',
      'Bấm vào một thông báo để mở hồ sơ liên quan (thông báo được đánh dấu đã đọc); "Đánh dấu tất cả đã đọc" cho cả danh sách.',
      'Lọc "Chưa đọc" hoặc theo loại thông báo.',
      'Mục "Cách nhận thông báo": chọn cho từng loại chỉ trong ứng dụng, gửi e-mail ngay, hoặc e-mail tổng hợp mỗi ngày; nhập địa chỉ e-mail nếu tài khoản chưa có. Mỗi lần đổi được ghi nhật ký.',
    ],
    rules: [
      'Thông báo kỷ luật chỉ gửi cho đảng viên bị kỷ luật và cấp ủy, cơ quan được xem sổ kỷ luật (Quy định 22-QĐ/TW về kiểm tra, giám sát, kỷ luật đảng; hồ sơ kỷ luật chỉ người có trách nhiệm được biết).',
      'Hạn tính theo ngày làm việc (Bộ luật Lao động 2019, Điều 112 về ngày nghỉ lễ) như trang "Việc cần làm".',
    ],
    guide: '16-thong-bao.md',
  },
  '/viec-can-lam': {
    title: 'Việc cần làm',
    purpose:
      'Các việc có hạn trong phạm vi: bước kết nạp, công nhận đảng viên chính thức, tiếp nhận chuyển sinh hoạt, đảng phí còn thiếu, huy hiệu đến hạn.',
    steps: [
      'Mỗi dòng dẫn tới trang làm việc đó; việc quá hạn đứng trước.',
      'Việc được nhóm theo đơn vị (số việc, số việc quá hạn); bấm vào đơn vị để mở. Bộ lọc loại việc, mức độ, tìm kiếm được giữ trên địa chỉ trang; "Xuất Excel" tải đúng danh sách đã lọc, "In" in danh sách.',
    ],
    rules: [
      'Hạn tính theo ngày làm việc (Bộ luật Lao động 2019, Điều 112 về ngày nghỉ lễ) và thời hạn của Hướng dẫn 06-HD/TW (2025).',
    ],
    guide: '03-van-phong-cap-uy.md',
  },
  '/anh-the': {
    title: 'Ảnh thẻ đảng viên',
    purpose:
      'Danh sách ảnh thẻ của một đơn vị cho đợt phát thẻ mới hoặc đợt đổi thẻ: ai đã có ảnh, ai còn thiếu, và tệp ảnh gửi cấp trên.',
    steps: [
      'Chọn đơn vị và đợt: "Phát thẻ mới" là đảng viên chưa có số thẻ (kể cả dự bị sắp được công nhận chính thức); "Đổi thẻ" là đảng viên chính thức đã có thẻ.',
      'Bật "Chỉ người còn thiếu ảnh" để nhắc chi bộ; bấm tên để mở hồ sơ và tải ảnh lên.',
      'Bấm "Tải ảnh thẻ (ZIP)": ảnh 2 × 3 cm đặt tên theo số lý lịch, danh sách in kèm ảnh để đối chiếu, danh sách người còn thiếu ảnh. Việc tải được ghi vào nhật ký.',
    ],
    rules: [
      'Hướng dẫn 12-HD/BTCTW (2022), phần II, mục 2.2.b: chi ủy gửi danh sách đề nghị phát thẻ và 2 ảnh chân dung cỡ 2 × 3 cm lên đảng ủy cơ sở khi đề nghị công nhận đảng viên chính thức.',
      'Thẻ đảng viên chỉ phát cho đảng viên chính thức; đợt đổi thẻ năm 2025 chỉ đổi cho đảng viên chính thức đã có thẻ.',
    ],
    guide: '06-to-chuc-dang-vien.md',
  },
  '/huy-hieu': {
    title: 'Huy hiệu Đảng',
    purpose: 'Đảng viên đến mốc tuổi đảng (30, 40, … 90 năm) và việc xét tặng Huy hiệu Đảng.',
    steps: [
      'Danh sách ghi quy định áp dụng theo ngày xét tặng; ghi việc trao tặng khi có quyết định.',
    ],
    rules: [
      'Quy định 29-QĐ/TW (2016), Quy định 24-QĐ/TW (2021), Quy định 294-QĐ/TW (2025): ngày xét tặng quyết định quy định áp dụng; đảng viên bị kỷ luật phải chờ hết thời hạn.',
    ],
    guide: '06-to-chuc-dang-vien.md',
  },
  '/dang-phi': {
    title: 'Đảng phí',
    purpose:
      'Sổ thu đảng phí của chi bộ theo tháng: mức đóng của từng đảng viên, tháng đã đóng, tháng còn thiếu.',
    steps: [
      'Chọn chi bộ và tháng; ghi số tiền đã thu.',
      'Mức đóng tính từ căn cứ đóng (lương, phụ cấp…) của đảng viên theo quy định áp dụng cho tháng đó.',
      '"In sổ thu, tổng hợp": sổ thu đảng phí của chi bộ cả năm (mỗi đảng viên một dòng, mỗi tháng một cột) và bảng tổng hợp theo chi bộ của đảng bộ cơ sở, lấy đúng số liệu của trang này. Tỷ lệ giữ lại, nộp lên do văn phòng nhập (hệ thống chưa có văn bản quy định tỷ lệ theo Quy định 01-QĐ/TW); để trống thì hai cột đó để trống.',
      '"Nộp đảng phí lên cấp trên" (văn phòng, lãnh đạo): mở để xem từng tổ chức cơ sở đảng trong năm phải nộp bao nhiêu (phần nộp lên của số các chi bộ đã thu), đã nộp bao nhiêu, chênh lệch và quý nào đã hết mà chưa nộp. Văn phòng cấp ủy nhận tiền bấm "Ghi khoản nộp" (kỳ tháng hoặc quý, số tiền, ngày nhận, số phiếu thu); mở dòng để sửa, xóa. Văn phòng đảng ủy cơ sở xem được khoản nộp của đơn vị mình. "Xuất Excel" tải bảng đối chiếu.',
    ],
    rules: [
      'Tháng 04/2011 – 01/2026: Quyết định 342-QĐ/TW (2010) và Hướng dẫn 03-HD/VPTW (2016); từ tháng 02/2026: Quy định 01-QĐ/TW (2026).',
      'Tỷ lệ nộp lên: đến 01/2026 theo Quyết định 342-QĐ/TW (tổ chức cơ sở đảng giữ lại 70%, nộp 30%); từ 02/2026 chưa tìm thấy văn bản quy định tỷ lệ theo Quy định 01-QĐ/TW, quản trị viên đặt tỷ lệ (mặc định 70/30) kèm văn bản căn cứ.',
    ],
    guide: '05-bi-thu-chi-bo.md',
  },
  '/lich-lam-viec': {
    title: 'Lịch ngày làm việc',
    purpose: 'Ngày nghỉ và ngày làm bù dùng để tính mọi thời hạn "trong N ngày làm việc".',
    steps: [
      'Thứ Bảy, Chủ nhật và ngày lễ có sẵn; quản trị viên ghi thêm ngày nghỉ bù, ngày làm bù Chính phủ công bố.',
    ],
    rules: [
      'Ngày nghỉ lễ theo Bộ luật Lao động 2019, Điều 112; Ngày Văn hóa Việt Nam (24/11) theo Nghị quyết 80-NQ/TW (2026), bật tắt được.',
    ],
    guide: '07-quan-tri.md',
  },
  '/tai-khoan': {
    title: 'Tài khoản',
    purpose: 'Cấp, sửa, khóa tài khoản; đặt lại mật khẩu và xác thực hai lớp.',
    steps: [
      'Mỗi tài khoản có một vai trò và một phạm vi (tổ chức đảng); chỉ thấy dữ liệu trong phạm vi đó.',
      'Mật khẩu đặt lại là mật khẩu một lần: người dùng phải đổi khi đăng nhập.',
    ],
    rules: [
      'Vai trò và phạm vi: xem docs/domain/roles.md (không có văn bản quy định vai trò phần mềm).',
    ],
    guide: '07-quan-tri.md',
  },
  '/nhat-ky': {
    title: 'Nhật ký hệ thống',
    purpose:
      'Mọi thao tác ghi, xuất dữ liệu và xem hồ sơ hạn chế: ai làm, lúc nào, với hồ sơ nào, trước và sau.',
    steps: [
      'Lọc theo người thực hiện (gõ tên), thao tác (chọn theo nhóm), loại đối tượng và khoảng ngày (dd/mm/yyyy).',
      'Bấm tên hồ sơ để mở trang của hồ sơ; mở một dòng để xem dữ liệu trước và sau.',
      '"Kiểm tra toàn vẹn" tính lại chuỗi băm: nếu có bản ghi bị sửa ngoài hệ thống, trang chỉ ra bản ghi đầu tiên không khớp.',
    ],
    rules: [
      'Ghi nhật ký việc xử lý dữ liệu cá nhân theo Nghị định 13/2023/NĐ-CP; chỉ quản trị viên được xem.',
    ],
    guide: '07-quan-tri.md',
  },
  '/sao-luu': {
    title: 'Sao lưu, phục hồi',
    purpose: 'Tải bản sao lưu toàn bộ dữ liệu và phục hồi từ một bản sao lưu.',
    steps: [
      'Sao lưu định kỳ và cất ở nơi an toàn; bản sao lưu chứa dữ liệu cá nhân.',
      'Phục hồi thay toàn bộ dữ liệu hiện có; hệ thống kiểm tra nhật ký của bản sao lưu trước khi thay.',
    ],
    guide: '07-quan-tri.md',
  },
  '/cai-dat': {
    title: 'Cài đặt',
    purpose:
      'Thông tin dùng trong văn bản: địa danh, tên cấp ủy cấp trên, các tham số có giá trị mặc định.',
    steps: ['Sửa và lưu; các văn bản tạo sau đó dùng giá trị mới.'],
    rules: [
      'Thể thức văn bản của Đảng theo Quy định 66-QĐ/TW (2017), Quy định 399-QĐ/TW (2026) và Hướng dẫn 36-HD/VPTW (2018).',
    ],
    guide: '07-quan-tri.md',
  },
  '/nhap-du-lieu': {
    title: 'Nhập dữ liệu từ Excel',
    purpose: 'Đưa danh sách đảng viên, quần chúng và sự kiện từ bảng tính cũ vào hệ thống.',
    steps: [
      'Chưa có tệp: chọn loại dữ liệu rồi bấm "Tải tệp mẫu" — dòng tiêu đề hệ thống tự nhận ra, trang "Hướng dẫn" ghi cột bắt buộc và cách ghi.',
      'Tải tệp lên, ghép từng cột với trường dữ liệu (cột có dữ liệu phải được ghép hoặc bỏ qua rõ ràng).',
      'Xem trước lỗi từng dòng, sửa rồi mới nhập; một lần nhập là một giao dịch.',
    ],
    rules: [
      'Chữ tiếng Việt theo Unicode TCVN 6909:2001 (Quyết định 72/2002/QĐ-TTg): chữ gõ bằng phông TCVN3, VNI được chuyển sang Unicode và hiện trong bản xem trước; chữ đã là Unicode không bị chuyển.',
    ],
    guide: '07-quan-tri.md',
  },
  '/doi-chieu-csdl': {
    title: 'Đối chiếu với CSDL đảng viên',
    purpose:
      'So danh sách xuất từ cơ sở dữ liệu đảng viên với hồ sơ trong phạm vi: khớp, chỉ có ở ta, chỉ có trong CSDL, các trường khác nhau.',
    steps: [
      'Tải tệp Excel/CSV xuất từ CSDL, kiểm tra cách ghép cột rồi bấm "Đối chiếu".',
      'Ở từng khác biệt chọn "Sửa theo CSDL" (sửa hồ sơ, ghi nhật ký), "Giữ của ta" hoặc "Đã xử lý…" kèm ghi chú.',
      'Lần đối chiếu được lưu: mở lại để quyết định tiếp; tải tổng hợp theo đơn vị (XLSX).',
    ],
    rules: [
      'Ghép theo số CCCD, rồi số thẻ đảng, rồi họ tên và ngày sinh; không có gì bị sửa khi chưa có quyết định.',
      'Dòng ghi chi bộ ngoài phạm vi quản lý được xếp "Ngoài phạm vi", không đối chiếu với hồ sơ nào.',
    ],
    guide: '19-doi-chieu-csdl.md',
  },
  '/kiem-tra-giam-sat': {
    title: 'Kiểm tra, giám sát',
    purpose:
      'Chương trình kiểm tra, giám sát trong năm và các cuộc kiểm tra: đối tượng, đoàn, các bước, kết luận, kiến nghị.',
    steps: [
      'Lập chương trình, thêm nội dung; mở cuộc kiểm tra từ một nội dung hoặc khi có dấu hiệu vi phạm.',
      'Hồ sơ cuộc kiểm tra chỉ người được giao xem; mỗi lần xem được ghi nhật ký.',
    ],
    rules: [
      'Điều lệ Đảng chương VII; Quy định 22-QĐ/TW (2021) được thay bằng Quy định 296-QĐ/TW (2025) về công tác kiểm tra, giám sát và kỷ luật.',
    ],
    guide: '08-kiem-tra-giam-sat.md',
  },
  '/kiem-tra-giam-sat/:id': {
    title: 'Cuộc kiểm tra, giám sát',
    purpose: 'Các bước của một cuộc kiểm tra, kết luận, thông báo kết luận và theo dõi kiến nghị.',
    steps: [
      'Ghi từng bước với ngày; kết luận xong mới thông báo; theo dõi việc thực hiện từng kiến nghị.',
    ],
    rules: ['Quy định 296-QĐ/TW (2025) (trước đó 22-QĐ/TW 2021), Điều lệ Đảng chương VII.'],
    guide: '08-kiem-tra-giam-sat.md',
  },
  '/ky-luat': {
    title: 'Kỷ luật',
    purpose: 'Sổ kỷ luật: đề nghị, quyết định kỷ luật, khiếu nại và thời hiệu.',
    steps: [
      'Ghi quyết định với hình thức, số phiếu; hệ thống kiểm tra số phiếu cần thiết.',
      'Khiếu nại được theo dõi đến khi có kết quả; thời hiệu sắp hết hiện ở đầu danh sách.',
    ],
    rules: [
      'Biểu quyết theo Quy định 22-QĐ/TW (2021) Điều 15, Quy định 69-QĐ/TW (2022) Điều 15 và Quy định 296-QĐ/TW (2025): bỏ phiếu kín, cộng phiếu từ hình thức nặng xuống khi chưa đủ.',
    ],
    guide: '08-kiem-tra-giam-sat.md',
  },
  '/so-lieu-kiem-tra': {
    title: 'Số liệu kiểm tra, giám sát',
    purpose: 'Số cuộc kiểm tra, giám sát và đối tượng theo từng chủ thể, dùng cho báo cáo.',
    steps: ['Chọn năm; bấm vào con số để xem các cuộc đứng sau.'],
    rules: ['Cách đếm theo Quyết định 885-QĐ/UBKTTW (2022) về chế độ báo cáo của ngành kiểm tra.'],
    guide: '08-kiem-tra-giam-sat.md',
  },
  '/kien-nghi': {
    title: 'Đề xuất, kiến nghị',
    purpose:
      'Sổ theo dõi đề xuất, kiến nghị của tổ chức đảng, đảng viên và đại biểu dự hội nghị: giao nơi trả lời, hạn trả lời và nội dung trả lời.',
    steps: [
      'Bấm "Tiếp nhận kiến nghị", ghi người hoặc nơi kiến nghị, ngày tiếp nhận, nội dung, nơi nhận; giao tổ chức trả lời và hạn trả lời nếu có.',
      'Lọc theo đơn vị, năm, tình trạng (mới tiếp nhận, đã giao, quá hạn, đã trả lời, đã rút) hoặc tìm theo nội dung; bấm một dòng để xem chi tiết.',
      'Tổ chức được giao (hoặc văn phòng cấp ủy) bấm "Trả lời" để ghi ngày, nội dung và số văn bản trả lời.',
      'Kiến nghị quá hạn chưa trả lời hiện trong "Việc cần làm"; số liệu tiếp nhận, đã trả lời, quá hạn có trên bảng điều khiển và trong báo cáo tổng kết.',
    ],
    rules: [
      'Kiến nghị quá hạn khi đã qua ngày hạn trả lời mà chưa có trả lời; ngày hạn vẫn còn trong hạn (docs/domain/proposals.md).',
    ],
    guide: '15-kien-nghi-noi-cu-tru.md',
  },
  '/nhan-xet-noi-cu-tru': {
    title: 'Nhận xét của chi bộ nơi cư trú',
    purpose:
      'Danh sách đảng viên của đơn vị với nhận xét hằng năm của chi ủy, chi bộ nơi cư trú: ai đã có, ai chưa có trước khi đánh giá, xếp loại cuối năm.',
    steps: [
      'Chọn đơn vị và năm; lọc "Chưa có" để biết đảng viên cần đôn đốc lấy phiếu nhận xét.',
      'Bấm "Ghi nhận xét" để nhập lại phiếu nhận xét của chi bộ nơi cư trú: tên chi bộ, ngày, nội dung, kết luận.',
      'Nhận xét hiện trên hồ sơ đảng viên và trên hồ sơ đánh giá, xếp loại của năm đó để người kiểm điểm tham khảo.',
    ],
    rules: [
      'Quy định 213-QĐ/TW ngày 02/01/2020 của Bộ Chính trị: định kỳ hằng năm tổ chức đảng nơi đảng viên công tác lấy ý kiến nhận xét của chi ủy, chi bộ nơi cư trú đối với đảng viên.',
      'Hướng dẫn 33-HD/BTCTW ngày 30/10/2020: một số trường hợp không lấy nhận xét định kỳ hằng năm (hệ thống chưa phân biệt các trường hợp này).',
    ],
    guide: '15-kien-nghi-noi-cu-tru.md',
  },
  '/nghi-quyet': {
    title: 'Nghị quyết, chỉ thị',
    purpose:
      'Sổ nghị quyết, chỉ thị và việc học tập, quán triệt ở từng đơn vị: buổi học, bài thu hoạch, chương trình hành động, sơ kết, tổng kết.',
    steps: [
      'Thêm nghị quyết kèm văn bản; theo dõi đơn vị nào đã học tập, tỷ lệ đảng viên tham gia.',
    ],
    rules: [
      'Chưa tìm thấy văn bản Trung ương quy định các bước; trang theo thực tiễn của các tỉnh (docs/domain/resolutions.md).',
    ],
    guide: '09-nghi-quyet-sinh-hoat.md',
  },
  '/nghi-quyet/:id': {
    title: 'Nghị quyết',
    purpose:
      'Một nghị quyết: văn bản, các buổi học tập, bài thu hoạch, chương trình hành động và báo cáo.',
    steps: ['Ghi buổi học tập của đơn vị mình; xem đơn vị nào chưa học.'],
    guide: '09-nghi-quyet-sinh-hoat.md',
  },
  '/thi-dua': {
    title: 'Phong trào thi đua',
    purpose:
      'Các phong trào thi đua (như "Dân vận khéo") do cấp ủy mình hoặc cấp trên phát động, với số đơn vị, đảng viên đăng ký và mô hình trong phạm vi của mình.',
    steps: [
      'Văn phòng cấp ủy bấm "Phát động phong trào", nhập văn bản phát động, tiêu chí (mỗi dòng một tiêu chí) và thời gian.',
      'Mở một phong trào để xem tiêu chí, đăng ký thi đua và các mô hình được đề xuất, công nhận.',
    ],
    rules: [
      'Thi đua theo phong trào do cấp ủy phát động; khen thưởng trong phong trào ghi ở trang Khen thưởng (docs/domain/emulation.md).',
    ],
    guide: '14-thi-dua-khen-thuong.md',
  },
  '/thi-dua/:id': {
    title: 'Phong trào thi đua',
    purpose: 'Một phong trào: tiêu chí, đơn vị và đảng viên đăng ký, mô hình, điển hình.',
    steps: [
      'Bấm "Đăng ký thi đua", chọn đơn vị (và đảng viên nếu đảng viên đăng ký), ghi nội dung đăng ký.',
      'Mỗi người chỉ thấy đăng ký, mô hình trong đơn vị mình và cấp dưới.',
      'Đăng ký nhập nhầm có thể xóa (có ghi nhật ký).',
      'Danh sách đăng ký chia trang: lọc theo đơn vị (gồm cấp dưới), chỉ tổ chức hoặc chỉ đảng viên, tìm theo tên hoặc nội dung; bộ lọc giữ trên địa chỉ trang; "Xuất Excel" tải đúng danh sách đã lọc; "In" in trang.',
    ],
    guide: '14-thi-dua-khen-thuong.md',
  },
  '/khen-thuong': {
    title: 'Khen thưởng',
    purpose:
      'Sổ khen thưởng tổ chức đảng, đảng viên: đề nghị, thẩm định, quyết định của cấp có thẩm quyền, số và ngày quyết định.',
    steps: [
      'Bấm "Đề nghị khen thưởng", chọn đối tượng, hình thức, năm (và số năm liền); hệ thống đối chiếu ngay kết quả xếp loại đã quyết định từng năm.',
      'Cấp trên thẩm định (điều kiện được đối chiếu lại), rồi quyết định khen thưởng hoặc không khen thưởng.',
    ],
    rules: [
      'Hướng dẫn 21-HD/BTCTW (hướng dẫn Quy định 132-QĐ/TW): chỉ xét khen thưởng tiêu biểu trong số tổ chức đảng, đảng viên được xếp loại "Hoàn thành xuất sắc nhiệm vụ" trong năm, hoặc 5 năm liền.',
      'Kết quả xếp loại lấy từ trang Đánh giá, xếp loại, không nhập lại.',
    ],
    guide: '14-thi-dua-khen-thuong.md',
  },
  '/khen-thuong/:id': {
    title: 'Hồ sơ khen thưởng',
    purpose:
      'Một đề nghị khen thưởng: thành tích, đối chiếu kết quả xếp loại từng năm, thẩm định và quyết định.',
    steps: [
      'Xem từng năm được tính hay không và vì sao.',
      'Người có quyền bấm "Thẩm định", rồi "Quyết định"; hình thức tiêu biểu chỉ được khen khi đủ điều kiện.',
    ],
    rules: [
      'Hướng dẫn 21-HD/BTCTW: khen thưởng tiêu biểu trong số được xếp loại "Hoàn thành xuất sắc nhiệm vụ".',
    ],
    guide: '14-thi-dua-khen-thuong.md',
  },
  '/bai-thu-hoach': {
    title: 'Bài thu hoạch',
    purpose: 'Đảng viên nộp bài thu hoạch sau khi học tập nghị quyết.',
    steps: ['Chọn nghị quyết, viết hoặc tải bài lên, nộp; bài đã nộp hiện trong danh sách.'],
    guide: '02-dang-vien.md',
  },
  '/sinh-hoat': {
    title: 'Hội nghị, sinh hoạt chi bộ',
    purpose: 'Lịch và biên bản sinh hoạt chi bộ hằng tháng, chuyên đề, hội nghị cấp ủy; điểm danh.',
    steps: [
      'Ghi buổi sinh hoạt với ngày, nội dung, người dự và vắng; nghị quyết của buổi họp thành nhiệm vụ theo dõi được.',
      'Danh sách được nhóm theo đơn vị đã họp (hội nghị của đơn vị mình đứng đầu); lọc theo đơn vị, loại, từ khóa, bộ lọc giữ trên địa chỉ trang; "Xuất Excel" tải đúng danh sách đã lọc; "In" in trang.',
      'Mở một buổi họp, bấm "In biên bản": biên bản (Word hoặc PDF) lập từ buổi họp đã ghi — số đảng viên, có mặt, vắng có lý do và không lý do, nội dung, kết luận với người thực hiện và thời hạn; chủ trì, thư ký, giờ, địa điểm để trống cho người lập ghi tay.',
    ],
    rules: [
      'Chi bộ sinh hoạt thường kỳ mỗi tháng một lần, chuyên đề ít nhất mỗi quý một lần (Điều lệ Đảng; Hướng dẫn 12-HD/BTCTW 2018; Chỉ thị 50-CT/TW và Hướng dẫn 42-HD/BTCTW 2025).',
    ],
    guide: '05-bi-thu-chi-bo.md',
  },
  '/giao-duc-chinh-tri': {
    title: 'Giáo dục chính trị, tư tưởng',
    purpose:
      'Các chương trình học tập và làm theo (Chỉ thị 05-CT/TW, chuyên đề hằng năm) của cấp ủy mình và cấp trên, với số hoạt động và mô hình của từng chương trình.',
    steps: [
      'Văn phòng cấp ủy bấm "Lập chương trình": chọn cấp ủy chủ trì, căn cứ, thời gian.',
      'Chọn năm để xem các chương trình đang thực hiện trong năm đó; bấm tên chương trình để vào trang chi tiết.',
    ],
    rules: [
      'Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị: học tập chuyên đề hằng năm, đảng viên cam kết làm theo, nhân rộng điển hình, sơ kết, tổng kết định kỳ (docs/domain/education.md).',
    ],
    guide: '13-giao-duc-chinh-tri.md',
  },
  '/giao-duc-chinh-tri/:id': {
    title: 'Chương trình học tập và làm theo',
    purpose:
      'Một chương trình theo năm: chi bộ nào đã tổ chức học tập, đảng viên nào đã ký cam kết, mô hình đăng ký và được công nhận, các hội nghị sơ kết, tổng kết.',
    steps: [
      'Chi bộ ghi hoạt động (chọn buổi sinh hoạt chuyên đề đã ghi ở trang Sinh hoạt để không ghi hai lần) và bản cam kết của từng đảng viên; cuối năm ghi kết quả thực hiện cam kết.',
      'Cấp ủy ghi hội nghị sơ kết, tổng kết: số liệu của kỳ được tính từ hồ sơ, không nhập tay.',
      'Ghi nhầm: bấm "Sửa" hoặc "Xóa" trên dòng hoạt động (chi bộ, văn phòng có đơn vị đó trong phạm vi) hoặc hội nghị sơ kết, tổng kết (văn phòng cấp ủy chủ trì). Xóa hoạt động không xóa buổi sinh hoạt đã liên kết; xóa hội nghị không xóa tệp báo cáo đã tải lên. Mọi lần sửa, xóa đều ghi nhật ký.',
    ],
    rules: [
      'Mỗi đảng viên một bản cam kết mỗi năm của mỗi chương trình (Chỉ thị 05-CT/TW ngày 15/5/2016 yêu cầu cán bộ, đảng viên đăng ký học tập và làm theo; một bản mỗi năm là cách ghi của hệ thống, docs/domain/education.md).',
    ],
    guide: '13-giao-duc-chinh-tri.md',
  },
  '/mo-hinh-dien-hinh': {
    title: 'Mô hình, điển hình',
    purpose:
      'Sổ mô hình, điển hình tiên tiến do các đơn vị đăng ký theo chương trình học tập hoặc phong trào thi đua, với minh chứng và kết quả xét công nhận.',
    steps: [
      'Đơn vị bấm "Đăng ký mô hình"; mở mô hình để thêm minh chứng (ảnh, báo cáo).',
      'Cấp trên của đơn vị bấm "Xét công nhận", ghi quyết định công nhận hoặc không công nhận.',
    ],
    rules: [
      'Đơn vị không tự công nhận mô hình của mình: cấp trên xét (Chỉ thị 05-CT/TW; docs/domain/education.md).',
    ],
    guide: '13-giao-duc-chinh-tri.md',
  },
  '/du-luan-xa-hoi': {
    title: 'Dư luận xã hội',
    purpose:
      'Sổ ghi nhận tình hình dư luận xã hội theo ngày và định hướng thông tin đã đưa ra hoặc đề xuất.',
    steps: [
      'Bấm "Ghi nhận mới": vấn đề, tình hình dư luận, nguồn, định hướng và đã báo cáo ai.',
      'Tìm theo vấn đề hoặc lọc theo khoảng ngày; cấp ủy cấp trên xem được ghi nhận của các đơn vị trực thuộc.',
    ],
    guide: '13-giao-duc-chinh-tri.md',
  },
  '/cap-uy': {
    title: 'Cấp ủy',
    purpose:
      'Cấp ủy của một tổ chức theo thời gian: ai giữ chức gì, từ quyết định nào, đến ngày nào.',
    steps: [
      'Chọn tổ chức và ngày để xem cấp ủy tại ngày đó; ghi bổ sung, thôi giữ chức kèm quyết định.',
      'So sánh với phương án nhân sự của đại hội để thấy chỗ còn thiếu.',
    ],
    rules: ['Cơ cấu cấp ủy theo phương án đại hội (Chỉ thị 35-CT/TW; Chỉ thị 45-CT/TW 2025).'],
    guide: '10-dai-hoi-cap-uy.md',
  },
  '/danh-gia-xep-loai': {
    title: 'Đánh giá, xếp loại',
    purpose:
      'Các đợt kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, tập thể lãnh đạo và đảng viên.',
    steps: [
      'Cấp ủy mở đợt; đảng viên tự đánh giá; chi bộ nhận xét; cấp có thẩm quyền thẩm định, quyết định và công bố.',
      'Đảng viên chỉ thấy đợt đang mở của mình và kết quả đã công bố.',
    ],
    rules: [
      'Năm đánh giá quyết định quy định áp dụng: Quy định 132-QĐ/TW (2018), 124-QĐ/TW (2023), 366-QĐ/TW (2025) và các hướng dẫn của Ban Tổ chức Trung ương; giới hạn tỷ lệ "Hoàn thành xuất sắc nhiệm vụ".',
    ],
    guide: '11-danh-gia-xep-loai.md',
  },
  '/danh-gia-xep-loai/:id': {
    title: 'Đợt đánh giá, xếp loại',
    purpose: 'Tiến độ của một đợt: ai đã tự đánh giá, được nhận xét, thẩm định, quyết định.',
    steps: ['Lọc theo đơn vị và bước; mở hồ sơ để làm bước tiếp theo.'],
    rules: ['Quy định 366-QĐ/TW (2025) và Hướng dẫn 43-HD/BTCTW cho năm 2025 trở đi.'],
    guide: '11-danh-gia-xep-loai.md',
  },
  '/danh-gia-xep-loai/ho-so/:id': {
    title: 'Hồ sơ đánh giá, xếp loại',
    purpose:
      'Bản tự đánh giá, nhận xét, thẩm định và quyết định xếp loại của một người hoặc tổ chức.',
    steps: [
      'Điền bản tự đánh giá và nộp; các bước sau do chi bộ, cấp ủy ghi.',
      'Có kiến nghị về kết quả: gửi trong thời hạn, được theo dõi đến khi giải quyết.',
    ],
    rules: [
      'Các trường hợp "không hoàn thành nhiệm vụ" và mức điểm theo quy định của năm đánh giá (Quy định 366-QĐ/TW 2025).',
    ],
    guide: '11-danh-gia-xep-loai.md',
  },
  '/ket-qua-xep-loai': {
    title: 'Kết quả xếp loại',
    purpose: 'Kết quả xếp loại theo năm và đơn vị, tỷ lệ từng mức.',
    steps: ['Chọn năm; kết quả chưa quyết định được ghi "dự kiến".'],
    rules: ['Quy định 124-QĐ/TW (2023) và 366-QĐ/TW (2025) về tỷ lệ xếp loại.'],
    guide: '11-danh-gia-xep-loai.md',
  },
  '/dai-hoi': {
    title: 'Đại hội',
    purpose: 'Các đợt đại hội đảng bộ các cấp và tiến độ đại hội của từng tổ chức.',
    steps: ['Mở đợt; xem đơn vị nào đã, đang, chưa tổ chức đại hội.'],
    rules: ['Chỉ thị 35-CT/TW (2019, 2024) và Chỉ thị 45-CT/TW (2025) về đại hội đảng bộ các cấp.'],
    guide: '10-dai-hoi-cap-uy.md',
  },
  '/dai-hoi/dot/:id': {
    title: 'Đợt đại hội',
    purpose: 'Các tổ chức trong một đợt đại hội và hạn tổ chức đại hội của từng nơi.',
    steps: ['Đăng ký đại hội cho tổ chức; mở đại hội để ghi phương án, văn kiện, kết quả.'],
    rules: ['Lịch đại hội theo Chỉ thị 45-CT/TW (2025) và Kết luận 163-KL/TW (2025).'],
    guide: '10-dai-hoi-cap-uy.md',
  },
  '/dai-hoi/:id': {
    title: 'Đại hội',
    purpose: 'Một đại hội: phương án nhân sự, văn kiện, đại biểu, kết quả bầu cử và chuẩn y.',
    steps: [
      'Ghi kết quả bầu cử; hệ thống đếm phiếu hợp lệ và người trúng cử; cấp trên chuẩn y thì cấp ủy mới được ghi.',
    ],
    rules: [
      'Trúng cử khi được quá một nửa số phiếu so với tổng số đảng viên hoặc đại biểu được triệu tập: Quy chế bầu cử trong Đảng (Quy định 244-QĐ/TW 2014; Quy định 190-QĐ/TW 2024).',
    ],
    guide: '10-dai-hoi-cap-uy.md',
  },
  '/dieu-hanh': {
    title: 'Bảng điều hành',
    purpose:
      'Tiến độ chỉ tiêu, nhiệm vụ trọng tâm của năm: việc đúng hạn, trễ hạn, chỉ tiêu có nguy cơ không đạt.',
    steps: ['Bấm vào một ô để xem các hồ sơ đứng sau con số.'],
    rules: [
      'Kết quả nhiệm vụ được tính vào xếp loại tập thể theo Quy định 366-QĐ/TW (2025), Điều 11.',
    ],
    guide: '12-ke-hoach-bao-cao.md',
  },
  '/ke-hoach': {
    title: 'Kế hoạch, chỉ tiêu',
    purpose: 'Nhiệm kỳ, chỉ tiêu và nhiệm vụ trọng tâm của từng năm; giao chỉ tiêu cho cấp dưới.',
    steps: [
      'Thêm chỉ tiêu gắn với một chỉ số đo được; giao phần chỉ tiêu cho đơn vị trực thuộc.',
      'Cuối năm đánh giá kết quả từng nhiệm vụ.',
      'Nhiệm vụ đã giao cho cấp dưới được nhóm theo đơn vị nhận (20 nhóm một trang, xếp theo tên hoặc nhiều việc quá hạn trước); lọc theo đơn vị, tình trạng (cả "quá hạn"), từ khóa; bộ lọc giữ trên địa chỉ trang; "Xuất Excel" tải đúng danh sách đã lọc.',
    ],
    rules: [
      'Chỉ tiêu theo nghị quyết đại hội và kế hoạch năm (Chỉ thị 35-CT/TW); kết quả nhiệm vụ vào xếp loại (Quy định 366-QĐ/TW, Điều 11).',
    ],
    guide: '12-ke-hoach-bao-cao.md',
  },
  '/bao-cao-tong-ket': {
    title: 'Báo cáo tổng kết năm',
    purpose: 'Lập dự thảo báo cáo tổng kết công tác xây dựng Đảng với số liệu lấy từ hệ thống.',
    steps: [
      'Chọn năm, lập dự thảo; sửa lời văn; tải DOCX/PDF và phụ lục Excel.',
      'Số liệu còn thiếu không bao giờ in thành số 0; số xếp loại chưa quyết định ghi "dự kiến".',
    ],
    rules: [
      'Số liệu kiểm tra theo Quyết định 885-QĐ/UBKTTW (2022); xếp loại theo Quy định 124-QĐ/TW, 366-QĐ/TW; thể thức theo Quy định 66-QĐ/TW (2017), 399-QĐ/TW (2026).',
    ],
    guide: '12-ke-hoach-bao-cao.md',
  },
  '/bao-cao-tong-ket/:id/chung-cu': {
    title: 'Chứng cứ số liệu báo cáo',
    purpose: 'Các hồ sơ đứng sau từng con số của báo cáo, để đối chiếu trước khi ký.',
    steps: ['Mỗi lần xem được ghi nhật ký vì danh sách có tên đảng viên.'],
    guide: '12-ke-hoach-bao-cao.md',
  },
  '/so-van-ban': {
    title: 'Sổ văn bản đi',
    purpose: 'Văn bản đã cấp số: số, ký hiệu, ngày, trích yếu, nơi nhận.',
    steps: ['Số văn bản cấp tự động theo loại và năm, không trùng.'],
    rules: [
      'Số và ký hiệu văn bản theo Quy định 66-QĐ/TW (2017), Quy định 399-QĐ/TW (2026), Hướng dẫn 36-HD/VPTW (2018).',
    ],
    guide: '12-ke-hoach-bao-cao.md',
  },
};

/** Route patterns that only redirect, and so need no guide. */
export const helpExempt = new Set(['*']);
