import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TCaseSummary, TProgramme } from '../../../../contracts/inspection';
import {
  type CaseKind,
  type ConductingBody,
  caseKindLabels,
  caseKinds,
  conductingBodies,
  conductingBodyLabels,
  programmePeriodLabels,
} from '../../../../domain/rules/inspection/inspection';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { DateInput } from '../../components/DateInput';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { CaseCreateModal } from './CaseCreateModal';
import { inspectionKeys } from './keys';
import { ProgrammeItemModal, ProgrammeModal, programmeBodies } from './ProgrammeForms';
import { currentYear, yearOptions } from './shared';

type Filters = {
  year?: number;
  kind?: CaseKind;
  body?: ConductingBody;
  status?: 'open' | 'concluded';
  orgUnitId?: number;
};

const subjectText = (c: TCaseSummary) =>
  c.subjects.map((s) => s.memberName ?? s.orgUnitName).join('; ') || '—';

const CasesTable = ({ filters }: { filters: Filters }) => {
  const { can } = useAuth();
  const [creating, setCreating] = useState(false);
  const { data, isLoading, error } = useQuery({
    queryKey: inspectionKeys.inspectionCases(filters),
    queryFn: () => api.GET('/api/inspection/cases', { params: { query: filters } }),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {can('inspection.write') && (
        <Button type="primary" size="large" onClick={() => setCreating(true)}>
          Lập cuộc ngoài chương trình
        </Button>
      )}
      {creating && <CaseCreateModal onClose={() => setCreating(false)} />}
      <Table
        rowKey="id"
        loading={isLoading}
        data-testid="cases"
        dataSource={data?.items}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: 'Quyết định',
            render: (_, c) => (
              <Link to={`/kiem-tra-giam-sat/${c.id}`}>
                {c.decisionNumber} ({formatDate(c.decisionDate)})
              </Link>
            ),
          },
          { title: 'Loại', render: (_, c) => caseKindLabels[c.kind] },
          { title: 'Chủ thể', render: (_, c) => conductingBodyLabels[c.body] },
          { title: 'Nội dung', dataIndex: 'title' },
          { title: 'Đối tượng', render: (_, c) => subjectText(c) },
          {
            title: 'Kết quả',
            render: (_, c) =>
              c.status === 'open' ? (
                <Tag color="blue">Đang tiến hành</Tag>
              ) : (
                <Space orientation="vertical" size={0}>
                  <Tag color={c.published ? 'green' : 'gold'}>
                    {c.published ? 'Đã thông báo kết luận' : 'Đã kết luận, chưa thông báo'}
                  </Tag>
                  {c.outcomeSummary && <Typography.Text>{c.outcomeSummary}</Typography.Text>}
                </Space>
              ),
          },
        ]}
      />
    </Space>
  );
};

const CaseFromItemModal = ({
  item,
  programme,
  onClose,
}: {
  item: TProgramme['items'][number];
  programme: TProgramme;
  onClose: () => void;
}) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (v: {
      decisionNumber: string;
      decisionDate: string;
      plannedTo?: string;
      lead?: string;
      orgUnitId?: number;
    }) =>
      api.POST('/api/inspection/programme-items/{id}/case', {
        params: { path: { id: item.id } },
        body: {
          decisionNumber: v.decisionNumber,
          decisionDate: v.decisionDate,
          plannedFrom: v.decisionDate,
          plannedTo: v.plannedTo || null,
          subjects: [{ kind: 'organisation', orgUnitId: v.orgUnitId ?? item.subjectOrgUnitId }],
          team: v.lead ? [{ name: v.lead, role: 'lead' }] : [],
        },
      }),
    onSuccess: (res) => {
      message.success('Đã lập cuộc kiểm tra, giám sát.');
      client.invalidateQueries({ queryKey: inspectionKeys.inspectionProgrammes() });
      navigate(`/kiem-tra-giam-sat/${res.id}`);
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  return (
    <Modal
      open
      title={`Lập cuộc ${caseKindLabels[item.kind].toLowerCase()}`}
      okText="Lập cuộc kiểm tra, giám sát"
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Typography.Paragraph>
        <b>{conductingBodyLabels[programme.body]}</b> – {item.theme} ({item.subjectText})
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => create.mutate(v)}
        initialValues={{ orgUnitId: item.subjectOrgUnitId ?? undefined }}
      >
        <Form.Item
          name="decisionNumber"
          label="Số quyết định"
          rules={[{ required: true, message: 'Cần nhập số quyết định.' }]}
        >
          <Input placeholder="Ví dụ: 12-QĐ/UBKT" />
        </Form.Item>
        <Form.Item
          name="decisionDate"
          label="Ngày quyết định"
          rules={[{ required: true, message: 'Cần chọn ngày.' }]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item name="plannedTo" label="Dự kiến kết thúc">
          <DateInput />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label="Tổ chức đảng là đối tượng"
          rules={[{ required: true, message: 'Cần chọn đối tượng.' }]}
        >
          <OrgUnitSelect />
        </Form.Item>
        <Form.Item name="lead" label="Trưởng đoàn">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const Programmes = ({ year, orgUnitId }: { year?: number; orgUnitId?: number }) => {
  const { can, user } = useAuth();
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<TProgramme | null>(null);
  const [opening, setOpening] = useState<{
    item: TProgramme['items'][number];
    programme: TProgramme;
  } | null>(null);
  const { data, isLoading } = useQuery({
    queryKey: inspectionKeys.inspectionProgrammes(year, orgUnitId),
    queryFn: () =>
      api.GET('/api/inspection/programmes', { params: { query: { year, orgUnitId } } }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="programmes">
      {can('inspection.programme') && (
        <Button type="primary" size="large" onClick={() => setCreating(true)}>
          Lập chương trình
        </Button>
      )}
      {isLoading && <Card loading />}
      {data?.items.length === 0 && (
        <Alert type="info" showIcon title="Chưa có chương trình kiểm tra, giám sát của năm này." />
      )}
      {data?.items.map((p) => (
        <Card
          key={p.id}
          title={`${p.title}${p.decisionNumber ? ` (${p.decisionNumber})` : ''}`}
          extra={
            <Space>
              <Tag>
                {programmePeriodLabels[p.period]}
                {p.toYear ? ` ${p.year}–${p.toYear}` : ` ${p.year}`}
              </Tag>
              {can('inspection.programme') && programmeBodies(user?.role).includes(p.body) && (
                <Button size="small" onClick={() => setAdding(p)}>
                  Thêm mục
                </Button>
              )}
            </Space>
          }
        >
          <Typography.Text type="secondary">
            {conductingBodyLabels[p.body]} – {p.orgUnitName}
          </Typography.Text>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.items}
            columns={[
              { title: 'Quý', dataIndex: 'quarter', width: 60, render: (q) => q ?? '—' },
              { title: 'Loại', render: (_, i) => caseKindLabels[i.kind] },
              { title: 'Đối tượng', dataIndex: 'subjectText' },
              { title: 'Nội dung', dataIndex: 'theme' },
              { title: 'Chủ trì', dataIndex: 'lead' },
              {
                title: 'Thực hiện',
                render: (_, i) =>
                  i.caseId ? (
                    <Link to={`/kiem-tra-giam-sat/${i.caseId}`}>Xem cuộc kiểm tra, giám sát</Link>
                  ) : can('inspection.write') && p.period === 'year' ? (
                    <Button size="small" onClick={() => setOpening({ item: i, programme: p })}>
                      Lập cuộc kiểm tra, giám sát
                    </Button>
                  ) : (
                    <Tag>Chưa thực hiện</Tag>
                  ),
              },
            ]}
          />
        </Card>
      ))}
      {opening && <CaseFromItemModal {...opening} onClose={() => setOpening(null)} />}
      {creating && <ProgrammeModal onClose={() => setCreating(false)} />}
      {adding && <ProgrammeItemModal programme={adding} onClose={() => setAdding(null)} />}
    </Space>
  );
};

export const InspectionPage = () => {
  const [filters, setFilters] = useState<Filters>({ year: currentYear });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Kiểm tra, giám sát
      </Typography.Title>
      <Space wrap>
        <Select
          style={{ width: 130 }}
          value={filters.year}
          onChange={(year) => setFilters({ ...filters, year })}
          options={yearOptions}
          allowClear
          placeholder="Năm"
        />
        <OrgUnitSelect
          style={{ width: 300 }}
          value={filters.orgUnitId}
          onChange={(orgUnitId) => setFilters({ ...filters, orgUnitId })}
          allowClear
          placeholder="Đảng bộ, chi bộ"
        />
        <Select
          style={{ width: 260 }}
          allowClear
          placeholder="Loại"
          value={filters.kind}
          onChange={(kind) => setFilters({ ...filters, kind })}
          options={caseKinds.map((k) => ({ value: k, label: caseKindLabels[k] }))}
        />
        <Select
          style={{ width: 240 }}
          allowClear
          placeholder="Chủ thể tiến hành"
          value={filters.body}
          onChange={(body) => setFilters({ ...filters, body })}
          options={conductingBodies.map((b) => ({ value: b, label: conductingBodyLabels[b] }))}
        />
        <Select
          style={{ width: 180 }}
          allowClear
          placeholder="Tình trạng"
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status })}
          options={[
            { value: 'open', label: 'Đang tiến hành' },
            { value: 'concluded', label: 'Đã kết luận' },
          ]}
        />
      </Space>
      <Tabs
        items={[
          {
            key: 'cases',
            label: 'Các cuộc kiểm tra, giám sát',
            children: <CasesTable filters={filters} />,
          },
          {
            key: 'programmes',
            label: 'Chương trình kiểm tra, giám sát',
            children: <Programmes year={filters.year} orgUnitId={filters.orgUnitId} />,
          },
        ]}
      />
    </Space>
  );
};
