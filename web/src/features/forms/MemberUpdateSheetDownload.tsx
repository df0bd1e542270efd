// "In phiếu bổ sung hồ sơ" on the member record (docs/domain/forms.md): the yearly record-update
// sheet (mẫu 3-HSĐV ❓) of the year chosen — by default the last full year, as the server does —
// prefilled with the record as of 31/12 of the year before and the changes recorded in the year.
import { Select, Space } from 'antd';
import { useState } from 'react';
import { FormDownload } from './FormDownload';

/** The current year in Vietnam (the server's "last full year" is this minus one). */
const currentYear = () =>
  Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
      .format(new Date())
      .slice(0, 4),
  );

export const MemberUpdateSheetDownload = ({ memberId }: { memberId: number }) => {
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear - 1);
  return (
    <Space.Compact>
      <Select
        aria-label="Năm của phiếu bổ sung hồ sơ"
        data-testid="member-update-sheet-year"
        value={year}
        onChange={setYear}
        style={{ width: 110 }}
        options={Array.from({ length: 11 }, (_, i) => thisYear - i).map((y) => ({
          value: y,
          label: `Năm ${y}`,
        }))}
      />
      <FormDownload
        testId="member-update-sheet"
        label="In phiếu bổ sung hồ sơ"
        forms={[
          {
            label: `Phiếu bổ sung hồ sơ đảng viên năm ${year}`,
            url: `/api/forms/members/${memberId}/phieu-bo-sung?year=${year}`,
          },
        ]}
      />
    </Space.Compact>
  );
};
