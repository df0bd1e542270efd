// The photo on the member forms: with a JPEG the frame holds the image (word/media), without one it
// prints the empty frame "Ảnh 3x4" (docs/domain/forms.md, "Phiếu đảng viên").
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { type MemberRecord, renderMemberCardDocx } from './member-record.form';

// A 1×1 JPEG.
const jpeg = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

const record: MemberRecord = {
  id: 1,
  fullName: 'Hoàng Thị Mai',
  birthName: null,
  alias: null,
  sex: 'female',
  birthDate: '1990-03-05',
  birthPlace: 'Lạng Sơn',
  homeTown: 'xã Hoàng Đồng, thành phố Lạng Sơn',
  permanentAddress: null,
  currentAddress: null,
  ethnicity: 'Tày',
  religion: 'Không',
  citizenId: '020190000001',
  occupation: 'Bác sĩ',
  workplace: 'Sở Y tế',
  position: 'Chuyên viên',
  generalEducation: '12/12',
  professionalLevel: 'bachelor',
  professionalField: 'Y khoa',
  academicTitle: null,
  politicalTheory: 'intermediate',
  foreignLanguage: null,
  itLevel: null,
  minorityLanguage: null,
  referee1: 'Nông Văn A',
  referee2: null,
  cardNumber: '12345678',
  recordNumber: '012345LS',
  youthUnionJoinedOn: '2005-03-26',
  admittedOn: '2015-05-19',
  admittedAt: 'Chi bộ Phòng Nghiệp vụ Y',
  admissionDecision: '12-QĐ/ĐU',
  recognisedOn: '2016-05-19',
  recognisedAt: null,
  awards: null,
  health: 'Tốt',
  workHistory: [],
  sensitive: null,
  units: [
    { kind: 'province_committee', name: 'Đảng bộ tỉnh Lạng Sơn' },
    { kind: 'cell', name: 'Chi bộ Phòng Nghiệp vụ Y' },
  ],
};

const parts = async (docx: Buffer) => {
  const zip = await JSZip.loadAsync(docx);
  return {
    media: Object.keys(zip.files).filter((n) => n.startsWith('word/media/')),
    text: (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ''),
  };
};

describe('the photo frame of the phiếu đảng viên', () => {
  it('holds the member photo when there is one', async () => {
    const { media, text } = await parts(await renderMemberCardDocx(record, jpeg));
    expect(media).toHaveLength(1);
    expect(text).not.toContain('Ảnh 3x4');
  });
  it('prints an empty 3×4 frame without a photo, and the numbers one character a box', async () => {
    const { media, text } = await parts(await renderMemberCardDocx(record, null));
    expect(media).toHaveLength(0);
    expect(text).toContain('Ảnh 3x4');
    expect(text).toContain('Số thẻ đảng viên: [1][2][3][4][5][6][7][8]');
    expect(text).toContain('Số lý lịch đảng viên: [0][1][2][3][4][5][L][S][  ]');
    expect(text).toContain('10. Dân tộc: Không in: thông tin hạn chế');
  });
});
