// "In phiếu bổ sung hồ sơ" (docs/domain/forms.md): the yearly record-update sheet (mẫu 3-HSĐV ❓) of
// the year chosen — by default the last full year, as the server does — prefilled with the record as
// of 31/12 of the year before and the changes recorded in the year. On the member record, one
// member's sheet; on the member list narrowed to a cell, the sheets of every member of the cell on
// 31/12 of the year, in one file, each sheet on a new page.
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

/** The year picker (this year and the ten before) beside the print button. */
const YearAndPrint = ({
  testId,
  label,
  form,
}: {
  testId: string;
  label: string;
  form: (year: number) => { label: string; url: string };
}) => {
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear - 1);
  return (
    <Space.Compact>
      <Select
        aria-label="Năm của phiếu bổ sung hồ sơ"
        data-testid={`${testId}-year`}
        value={year}
        onChange={setYear}
        style={{ width: 124 }}
        options={Array.from({ length: 11 }, (_, i) => thisYear - i).map((y) => ({
          value: y,
          label: `Năm ${y}`,
        }))}
      />
      <FormDownload testId={testId} label={label} forms={[form(year)]} />
    </Space.Compact>
  );
};

export const MemberUpdateSheetDownload = ({ memberId }: { memberId: number }) => (
  <YearAndPrint
    testId="member-update-sheet"
    label="In phiếu bổ sung hồ sơ"
    form={(year) => ({
      label: `Phiếu bổ sung hồ sơ đảng viên năm ${year}`,
      url: `/api/forms/members/${memberId}/phieu-bo-sung?year=${year}`,
    })}
  />
);

/** The sheets of every member of a cell (the member list narrowed to a cell). */
export const CellUpdateSheetsDownload = ({ cellId }: { cellId: number }) => (
  <YearAndPrint
    testId="cell-update-sheets"
    label="In phiếu bổ sung chi bộ"
    form={(year) => ({
      label: `Phiếu bổ sung hồ sơ năm ${year} của mọi đảng viên trong chi bộ`,
      url: `/api/forms/cells/${cellId}/phieu-bo-sung?year=${year}`,
    })}
  />
);
