// Evaluation campaigns: the list with deadlines and progress, opening a campaign, and for a member
// the way to their own self-assessment.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../../domain/text/vietnamese';
import { type ApiBody, api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { DateInput } from '../../components/DateInput';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { evaluationsKeys } from './keys';
import { currentYear, cycleLabel, LevelTag, StatusTag, todayLocal } from './shared';

const deadlineFields = [
  ['selfAssessmentDue', 'Hạn tự đánh giá'],
  ['reviewDue', 'Hạn kiểm điểm tại chi bộ, cấp ủy'],
  ['appraisalDue', 'Hạn thẩm định'],
  ['decisionDue', 'Hạn quyết định xếp loại'],
  ['publicationDue', 'Hạn công bố kết quả'],
] as const;

const OpenCampaignModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const cycle = Form.useWatch('cycle', form);
  const mutation = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.POST('/api/evaluations/campaigns', {
        body: v as ApiBody<'/api/evaluations/campaigns', 'post'>,
      }),
    onSuccess: (r) => {
      message.success(`Đã mở đợt đánh giá với ${r.records} hồ sơ.`);
      client.invalidateQueries({ queryKey: evaluationsKeys.evaluationCampaigns() });
      onClose();
      navigate(`/danh-gia-xep-loai/${r.id}`);
    },
    onError: (e) => message.error(applyApiError(e, form)),
  });
  return (
    <Modal
      open={open}
      title="Mở đợt kiểm điểm, đánh giá, xếp loại"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Mở đợt"
      confirmLoading={mutation.isPending}
      width={720}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: currentYear, cycle: 'year', openedOn: todayLocal() }}
        onFinish={(v) =>
          mutation.mutate({
            ...v,
            quarter: v.cycle === 'quarter' ? v.quarter : null,
            periodFrom: v.cycle === 'term' ? v.periodFrom : null,
            periodTo: v.cycle === 'term' ? v.periodTo : null,
            ...Object.fromEntries(deadlineFields.map(([k]) => [k, v[k] || null])),
          })
        }
      >
        <Form.Item
          name="orgUnitId"
          label="Phạm vi (đảng bộ cấp trên cơ sở hoặc tổ chức cơ sở đảng)"
          rules={[{ required: true, message: 'Chọn tổ chức đảng.' }]}
        >
          <OrgUnitSelect style={{ width: '100%' }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="year" label="Năm" rules={[{ required: true }]}>
              <InputNumber min={2015} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="cycle" label="Kỳ đánh giá">
              <Select
                options={[
                  { value: 'year', label: 'Hằng năm' },
                  { value: 'quarter', label: 'Hằng quý (từ 2025)' },
                  { value: 'term', label: 'Nhiệm kỳ (từ 2025)' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="openedOn" label="Ngày mở đợt" rules={[{ required: true }]}>
              <DateInput />
            </Form.Item>
          </Col>
          {cycle === 'quarter' && (
            <Col xs={24} md={8}>
              <Form.Item
                name="quarter"
                label="Quý"
                rules={[{ required: true, message: 'Chọn quý.' }]}
              >
                <Select options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Quý ${q}` }))} />
              </Form.Item>
            </Col>
          )}
          {cycle === 'term' && (
            <>
              <Col xs={24} md={8}>
                <Form.Item name="periodFrom" label="Đầu nhiệm kỳ" rules={[{ required: true }]}>
                  <DateInput />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="periodTo" label="Cuối nhiệm kỳ" rules={[{ required: true }]}>
                  <DateInput />
                </Form.Item>
              </Col>
            </>
          )}
          {deadlineFields.map(([key, label]) => (
            <Col xs={24} md={8} key={key}>
              <Form.Item name={key} label={label}>
                <DateInput />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="title" label="Tên đợt (để trống: tự đặt theo kỳ và phạm vi)">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** A member's own records: "Tự đánh giá" while the campaign is at that step. */
const MyRecords = () => {
  const { data } = useQuery({
    queryKey: evaluationsKeys.evaluationRecords('mine'),
    queryFn: () =>
      api.GET('/api/evaluations/records', { params: { query: { mine: true, pageSize: 20 } } }),
  });
  if (!data?.items.length) return null;
  return (
    <Card title="Đánh giá, xếp loại của tôi">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {data.items.map((r) => (
          <Row key={r.id} gutter={8} align="middle">
            <Col flex="auto">
              <b>Năm {r.year}</b> <StatusTag status={r.status} />{' '}
              <LevelTag level={r.decidedLevel} />
            </Col>
            <Col>
              <Link to={`/danh-gia-xep-loai/ho-so/${r.id}`}>
                <Button type={r.status === 'pending' ? 'primary' : 'default'} size="large">
                  {r.status === 'pending' || r.status === 'self_assessed'
                    ? 'Tự đánh giá'
                    : 'Xem kết quả'}
                </Button>
              </Link>
            </Col>
          </Row>
        ))}
      </Space>
    </Card>
  );
};

export const EvaluationsPage = () => {
  const { can, user } = useAuth();
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState<number | undefined>();
  const { data, error, isLoading } = useQuery({
    queryKey: evaluationsKeys.evaluationCampaigns(year),
    queryFn: () => api.GET('/api/evaluations/campaigns', { params: { query: { year } } }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={3} style={{ margin: 0 }}>
            Kiểm điểm, đánh giá, xếp loại chất lượng
          </Typography.Title>
        </Col>
        <Col>
          <Space wrap>
            <Select
              allowClear
              placeholder="Mọi năm"
              value={year}
              onChange={setYear}
              style={{ width: 140 }}
              options={Array.from({ length: 8 }, (_, i) => currentYear + 1 - i).map((y) => ({
                value: y,
                label: `Năm ${y}`,
              }))}
            />
            {can('evaluation.results') && (
              <Link to="/ket-qua-xep-loai">
                <Button>Kết quả xếp loại</Button>
              </Link>
            )}
            {can('evaluation.manage') && (
              <Button type="primary" onClick={() => setOpen(true)}>
                Mở đợt đánh giá
              </Button>
            )}
          </Space>
        </Col>
      </Row>
      {user?.memberId && <MyRecords />}
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      <Table
        rowKey="id"
        loading={isLoading}
        dataSource={data?.items ?? []}
        // The campaign's title keeps its width on a phone (a word per line before, issue 22's walk).
        scroll={{ x: 1100 }}
        pagination={false}
        columns={[
          {
            title: 'Đợt đánh giá',
            width: 280,
            render: (_, c) => (
              <Link to={`/danh-gia-xep-loai/${c.id}`}>
                <b>{c.title}</b>
              </Link>
            ),
          },
          { title: 'Kỳ', render: (_, c) => cycleLabel(c) },
          {
            title: 'Quy định',
            dataIndex: 'ruleSet',
            render: (v: string) => `${v.replace('QD', '')}-QĐ/TW`,
          },
          {
            title: 'Thời hạn',
            render: (_, c) => (
              <span>
                {c.selfAssessmentDue && <div>Tự đánh giá: {formatDate(c.selfAssessmentDue)}</div>}
                {c.reviewDue && <div>Kiểm điểm: {formatDate(c.reviewDue)}</div>}
                {c.decisionDue && <div>Quyết định: {formatDate(c.decisionDue)}</div>}
              </span>
            ),
          },
          {
            title: 'Tiến độ',
            width: 220,
            render: (_, c) => {
              const rated = c.progress.total - c.progress.notRated;
              const done = c.progress.decided + c.progress.published;
              return (
                <div>
                  <Progress percent={rated ? Math.round((done * 100) / rated) : 0} size="small" />
                  <Typography.Text type="secondary">
                    {done}/{rated} đã quyết định; {c.progress.notRated} không xếp loại
                  </Typography.Text>
                </div>
              );
            },
          },
          {
            title: 'Tình trạng',
            dataIndex: 'status',
            render: (s: string) => (s === 'open' ? 'Đang tiến hành' : 'Đã kết thúc'),
          },
        ]}
      />
      <OpenCampaignModal open={open} onClose={() => setOpen(false)} />
    </Space>
  );
};
