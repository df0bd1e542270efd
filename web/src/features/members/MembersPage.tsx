import { DownloadOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TMemberListItem } from '../../../../contracts/members';
import {
  ageBandLabels,
  type MemberStatus,
  memberStatusLabels,
  partyAgeBandLabels,
  politicalTheoryLabels,
  professionalLevelLabels,
  sexLabels,
} from '../../../../domain/enums/members';
import { ethnicities, religions } from '../../../../domain/enums/people';
import { unitPathLabel } from '../../../../domain/text/unit-path';
import { formatDate, formatNumber } from '../../../../domain/text/vietnamese';
import { api, toQuery } from '../../api/client';
import { useAuth } from '../../app/auth';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { StatusTag } from '../../components/StatusTag';
import { CellUpdateSheetsDownload } from '../forms/MemberUpdateSheetDownload';
import { orgUnitsKeys } from '../org-units/keys';
import { membersKeys } from './keys';
import { MemberCreateModal } from './MemberCreateModal';

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
const listKeys = [
  'status',
  'ethnicity',
  'religion',
  'ageBand',
  'partyAgeBand',
  'professionalLevel',
  'politicalTheory',
] as const;

const list = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** The list's select filters; ethnicity and religion only for roles with need-to-know. */
const selectFilters = [
  { key: 'status', placeholder: 'Tình trạng', options: options(memberStatusLabels) },
  { key: 'sex', placeholder: 'Giới tính', options: options(sexLabels), single: true },
  { key: 'ethnicity', placeholder: 'Dân tộc', options: list(ethnicities), sensitive: true },
  { key: 'religion', placeholder: 'Tôn giáo', options: list(religions), sensitive: true },
  { key: 'ageBand', placeholder: 'Độ tuổi', options: options(ageBandLabels) },
  { key: 'partyAgeBand', placeholder: 'Tuổi đảng', options: options(partyAgeBandLabels) },
  {
    key: 'professionalLevel',
    placeholder: 'Trình độ chuyên môn',
    options: options(professionalLevelLabels),
  },
  {
    key: 'politicalTheory',
    placeholder: 'Lý luận chính trị',
    options: options(politicalTheoryLabels),
  },
];

/** Filters live in the address bar, so a list can be bookmarked and shared. */
const useFilters = () => {
  const [params, setParams] = useSearchParams();
  const filters: Record<string, unknown> = {};
  for (const [k, v] of params.entries())
    filters[k] = (listKeys as readonly string[]).includes(k) ? v.split(',') : v;
  const update = (patch: Record<string, unknown>) => {
    const next = { ...filters, ...patch };
    if (!('page' in patch)) next.page = undefined;
    setParams(new URLSearchParams(toQuery(next).slice(1)));
  };
  return { filters, update };
};

/** Unit kinds that hold members directly (a chi bộ trực thuộc, a chi bộ cơ sở). */
const cellKinds = ['cell', 'grassroots_cell'];

export const MembersPage = () => {
  const { can, user } = useAuth();
  const { filters, update } = useFilters();
  // The list narrowed to one cell (by the filter, or a secretary's own scope): its yearly sheets.
  const listUnit = filters.orgUnitId ? Number(filters.orgUnitId) : user?.scopeOrgUnitId;
  const unit = useQuery({
    queryKey: orgUnitsKeys.orgUnit(listUnit),
    queryFn: () => api.GET('/api/org-units/{id}', { params: { path: { id: listUnit! } } }),
    enabled: can('member.export') && listUnit !== undefined,
    staleTime: 60_000,
  });
  const cellId =
    unit.data && cellKinds.includes(unit.data.kind) && unit.data.id === listUnit
      ? unit.data.id
      : undefined;
  const [creating, setCreating] = useState(false);
  // Which file the purpose dialog downloads: the XLSX list, or the "danh sách trích ngang" (DOCX/PDF).
  const [exporting, setExporting] = useState<false | 'xlsx' | 'docx' | 'pdf'>(false);
  const [purpose, setPurpose] = useState('');
  const page = Number(filters.page ?? 1);
  const pageSize = Number(filters.pageSize ?? 20);
  const list = useQuery({
    queryKey: membersKeys.members(filters),
    queryFn: () => api.GET('/api/members', { params: { query: { ...filters, page, pageSize } } }),
    placeholderData: (prev) => prev,
  });
  const sensitive = can('member.readSensitive');
  // A file download (XLSX) the browser fetches from a link: not through the typed JSON client.
  const listQuery = { ...filters, page: undefined, pageSize: undefined, purpose };
  const exportUrl =
    exporting === 'docx' || exporting === 'pdf'
      ? `/api/forms/members/trich-ngang${toQuery({ ...listQuery, format: exporting })}`
      : `/api/members/export.xlsx${toQuery(listQuery)}`;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Danh sách đảng viên
        </Typography.Title>
        <Space wrap>
          {can('member.export') && (
            <Button icon={<DownloadOutlined />} onClick={() => setExporting('xlsx')}>
              Xuất Excel
            </Button>
          )}
          {can('member.export') && (
            <Button icon={<PrinterOutlined />} onClick={() => setExporting('docx')}>
              In trích ngang
            </Button>
          )}
          {cellId !== undefined && <CellUpdateSheetsDownload cellId={cellId} />}
          {can('member.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Thêm đảng viên
            </Button>
          )}
        </Space>
      </Space>
      <Card size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12} xl={8}>
            <OrgUnitSelect
              value={filters.orgUnitId ? Number(filters.orgUnitId) : undefined}
              onChange={(v) => update({ orgUnitId: v })}
              placeholder="Toàn bộ phạm vi của tôi"
              allowClear
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Input.Search
              placeholder="Tìm theo họ tên, không cần dấu (hoặc số CCCD, số thẻ)"
              defaultValue={String(filters.q ?? '')}
              allowClear
              enterButton="Tìm"
              onSearch={(q) => update({ q })}
              data-testid="member-search"
            />
          </Col>
          {selectFilters
            .filter((f) => sensitive || !f.sensitive)
            .map((f) => (
              <Col key={f.key} xs={12} md={6} xl={4}>
                <Select
                  mode={f.single ? undefined : 'multiple'}
                  allowClear
                  placeholder={f.placeholder}
                  style={{ width: '100%' }}
                  value={filters[f.key] as string | string[] | undefined}
                  options={f.options}
                  onChange={(v) => update({ [f.key]: v })}
                />
              </Col>
            ))}
          <Col xs={12} md={6} xl={4}>
            <InputNumber
              placeholder="Năm vào Đảng"
              style={{ width: '100%' }}
              min={1930}
              max={2100}
              value={filters.admissionYear ? Number(filters.admissionYear) : null}
              onChange={(v) => update({ admissionYear: v ?? undefined })}
            />
          </Col>
        </Row>
      </Card>
      {list.error && <Alert type="error" showIcon title={(list.error as Error).message} />}
      <Table<TMemberListItem>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        onChange={(pagination, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = s?.order ? String(s.field) : undefined;
          const sort = field
            ? `${s.order === 'descend' ? '-' : ''}${field === 'fullName' ? 'name' : field}`
            : undefined;
          update({ page: pagination.current, pageSize: pagination.pageSize, sort });
        }}
        // Column widths: on a phone a name went a word per line (issue 22's walk); the table scrolls.
        scroll={{ x: 1200 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) =>
            list.data?.totalCapped
              ? `Hơn ${formatNumber(total)} đảng viên khớp: hiện ${formatNumber(total)} người khớp sát nhất, gõ thêm để thu hẹp`
              : `Tổng số ${formatNumber(total)} đảng viên`,
          showSizeChanger: true,
        }}
        columns={[
          {
            title: 'STT',
            key: 'stt',
            width: 64,
            render: (_v, _r, i) => (page - 1) * pageSize + i + 1,
          },
          {
            title: 'Họ và tên',
            dataIndex: 'fullName',
            width: 190,
            sorter: true,
            render: (name: string, r) => <Link to={`/dang-vien/${r.id}`}>{name}</Link>,
          },
          {
            title: 'Giới tính',
            dataIndex: 'sex',
            width: 90,
            render: (s: 'male' | 'female') => sexLabels[s],
          },
          {
            title: 'Ngày sinh',
            dataIndex: 'birthDate',
            width: 120,
            sorter: true,
            render: formatDate,
          },
          {
            title: 'Chi bộ',
            dataIndex: 'orgUnitName',
            width: 240,
            // A name other units in scope share is shown with its parent (issue 22).
            render: (name: string, r) =>
              r.orgUnitParentName ? unitPathLabel([r.orgUnitParentName], name) : name,
          },
          {
            title: 'Ngày vào Đảng',
            dataIndex: 'admittedOn',
            width: 130,
            sorter: true,
            render: formatDate,
          },
          {
            title: 'Lý luận chính trị',
            dataIndex: 'politicalTheory',
            width: 140,
            render: (v: keyof typeof politicalTheoryLabels) => politicalTheoryLabels[v],
          },
          {
            title: 'Tình trạng',
            dataIndex: 'status',
            width: 150,
            render: (s: MemberStatus) => <StatusTag status={s} />,
          },
        ]}
      />
      <Modal
        open={exporting !== false}
        title={exporting === 'xlsx' ? 'Xuất danh sách ra Excel' : 'In danh sách trích ngang'}
        okText="Tải tệp"
        cancelText="Hủy"
        okButtonProps={{ disabled: purpose.trim().length < 3, href: exportUrl }}
        onOk={() => setExporting(false)}
        onCancel={() => setExporting(false)}
      >
        <Typography.Paragraph>
          Tệp chứa đúng danh sách đang lọc ({list.data?.totalCapped ? 'hơn ' : ''}
          {formatNumber(list.data?.total ?? 0)} người). Đây là dữ liệu cá nhân: hãy ghi mục đích sử
          dụng; tên người xuất, thời gian và mục đích được ghi vào tệp và vào nhật ký hệ thống.
        </Typography.Paragraph>
        <Form layout="vertical">
          {exporting !== 'xlsx' && (
            <Form.Item label="Định dạng">
              <Radio.Group
                value={exporting}
                onChange={(e) => setExporting(e.target.value)}
                options={[
                  { value: 'docx', label: 'Word (DOCX, sửa được)' },
                  { value: 'pdf', label: 'PDF' },
                ]}
              />
            </Form.Item>
          )}
          <Form.Item label="Mục đích xuất dữ liệu" required>
            <Input
              value={purpose}
              onChange={(e) => setPurpose(e.target.value)}
              placeholder="Ví dụ: Rà soát danh sách phục vụ đại hội chi bộ"
            />
          </Form.Item>
        </Form>
      </Modal>
      {creating && (
        <MemberCreateModal
          defaultUnit={filters.orgUnitId ? Number(filters.orgUnitId) : undefined}
          onClose={() => setCreating(false)}
        />
      )}
    </Space>
  );
};
