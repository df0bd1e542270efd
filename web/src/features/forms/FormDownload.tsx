// A printed form (server/modules/forms, docs/domain/forms.md): one button that offers the Word file
// (editable) and the PDF. Files are fetched by the browser from a link, not through the JSON client;
// the server answers 503 with a message for PDF when LibreOffice is not installed.
import { DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';

export type FormLink = { label: string; url: string };

const withFormat = (url: string, format: 'docx' | 'pdf') =>
  `${url}${url.includes('?') ? '&' : '?'}format=${format}`;

/** "In mẫu ▾" with, for each form, its Word and PDF downloads. */
export const FormDownload = ({
  forms,
  label = 'In biểu mẫu',
  size,
  testId,
}: {
  forms: FormLink[];
  label?: string;
  size?: 'small' | 'middle';
  testId?: string;
}) => (
  <Dropdown
    trigger={['click']}
    menu={{
      items: forms.flatMap((f, i) => [
        ...(i > 0 ? [{ type: 'divider' as const }] : []),
        {
          key: `${i}-docx`,
          label: (
            <a href={withFormat(f.url, 'docx')} download>
              {f.label} (Word)
            </a>
          ),
        },
        {
          key: `${i}-pdf`,
          label: (
            <a href={withFormat(f.url, 'pdf')} download>
              {f.label} (PDF)
            </a>
          ),
        },
      ]),
    }}
  >
    <Button icon={<PrinterOutlined />} size={size} data-testid={testId}>
      {label} <DownOutlined />
    </Button>
  </Dropdown>
);
