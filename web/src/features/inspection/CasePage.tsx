import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useParams } from 'react-router';
import { disciplineFormLabels } from '../../../../domain/rules/discipline/discipline';
import {
  caseKindLabels,
  conductingBodyLabels,
} from '../../../../domain/rules/inspection/inspection';
import { formatDate } from '../../../../domain/text/vietnamese';
import { type ApiBody, api } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { applyApiError } from '../../components/errors';
import { inspectionKeys } from './keys';
import { todayLocal } from './shared';

const teamRoles: Record<string, string> = {
  lead: 'Trưởng đoàn',
  deputy: 'Phó trưởng đoàn',
  member: 'Thành viên',
  secretary: 'Thư ký',
};

export const CasePage = () => {
  const id = Number(useParams().id);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [stepForm] = Form.useForm();
  const [conclusionForm] = Form.useForm();
  const { data, error, isLoading } = useQuery({
    queryKey: inspectionKeys.inspectionCase(id),
    queryFn: () => api.GET('/api/inspection/cases/{id}', { params: { path: { id } } }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: inspectionKeys.inspectionCase(id) });
  const step = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.POST('/api/inspection/cases/{id}/steps', {
        params: { path: { id } },
        body: { ...v, version: data?.version } as ApiBody<
          '/api/inspection/cases/{id}/steps',
          'post'
        >,
      }),
    onSuccess: () => {
      message.success('Đã ghi bước.');
      stepForm.resetFields();
      refresh();
    },
    onError: (e) => message.error(applyApiError(e, stepForm)),
  });
  const conclude = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.POST('/api/inspection/cases/{id}/conclusion', {
        params: { path: { id } },
        body: {
          conclusionNumber: v.conclusionNumber,
          conclusionDate: v.conclusionDate,
          conclusionText: v.conclusionText,
          outcomeSummary: v.outcomeSummary,
          violationFound: Boolean(v.violationFound),
          publish: Boolean(v.publish),
          recommendations: v.recommendation
            ? [{ text: v.recommendation, dueOn: v.dueOn || null }]
            : [],
          version: data?.version,
        } as ApiBody<'/api/inspection/cases/{id}/conclusion', 'post'>,
      }),
    onSuccess: () => {
      message.success('Đã ghi kết luận.');
      refresh();
    },
    onError: (e) => message.error(applyApiError(e, conclusionForm)),
  });
  const [publishForm] = Form.useForm();
  const publish = useMutation({
    mutationFn: (v: { publishedOn: string }) =>
      api.POST('/api/inspection/cases/{id}/publish', {
        params: { path: { id } },
        body: { ...v, version: data?.version } as ApiBody<
          '/api/inspection/cases/{id}/publish',
          'post'
        >,
      }),
    onSuccess: () => {
      message.success('Đã thông báo kết luận.');
      refresh();
    },
    onError: (e) => message.error(applyApiError(e, publishForm)),
  });
  const recDone = useMutation({
    mutationFn: (r: { id: number; version: number }) =>
      api.PUT('/api/inspection/recommendations/{id}', {
        params: { path: { id: r.id } },
        body: {
          status: 'done',
          doneOn: new Date().toISOString().slice(0, 10),
          followUp: 'Đã thực hiện.',
          version: r.version,
        },
      }),
    onSuccess: () => refresh(),
    onError: (e) => message.error(applyApiError(e)),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  if (isLoading || !data) return <Card loading />;
  const file = data.file;
  const openSteps = file?.timeline.filter((s) => !s.done && s.step !== 'conclusion') ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {data.title}
      </Typography.Title>
      <Alert
        type="warning"
        showIcon
        title="Tài liệu cần bảo mật"
        description={data.confidentialityNotice}
      />
      <Descriptions bordered column={{ xs: 1, md: 2 }} size="middle">
        <Descriptions.Item label="Loại">{caseKindLabels[data.kind]}</Descriptions.Item>
        <Descriptions.Item label="Chủ thể tiến hành">
          {conductingBodyLabels[data.body]} – {data.orgUnitName}
        </Descriptions.Item>
        <Descriptions.Item label="Quyết định">
          {data.decisionNumber} ngày {formatDate(data.decisionDate)}
        </Descriptions.Item>
        <Descriptions.Item label="Tình trạng">
          {data.status === 'open' ? (
            <Tag color="blue">Đang tiến hành</Tag>
          ) : data.published ? (
            <Tag color="green">Đã kết luận, đã thông báo</Tag>
          ) : (
            <Tag color="gold">Đã kết luận, chưa thông báo</Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="Đối tượng" span={2}>
          {data.subjects
            .map(
              (s) =>
                `${s.memberName ? `Đồng chí ${s.memberName} (${s.orgUnitName})` : s.orgUnitName}`,
            )
            .join('; ')}
        </Descriptions.Item>
        {data.conclusionNumber && (
          <Descriptions.Item label="Thông báo kết luận" span={2}>
            {data.conclusionNumber} ngày {formatDate(data.conclusionDate)} – {data.outcomeSummary}
          </Descriptions.Item>
        )}
      </Descriptions>
      {!file && (
        <Alert
          type="info"
          showIcon
          title="Bạn chỉ xem được thông tin chung và kết quả đã thông báo của cuộc kiểm tra, giám sát này."
        />
      )}
      {file && (
        <>
          <Card title="Đoàn kiểm tra, giám sát">
            {file.team.length === 0
              ? 'Chưa ghi thành phần đoàn.'
              : file.team.map((t) => `${teamRoles[t.role] ?? t.role}: ${t.name}`).join('; ')}
            {file.plannedFrom && (
              <div>
                Thời gian dự kiến: {formatDate(file.plannedFrom)} – {formatDate(file.plannedTo)}
              </div>
            )}
          </Card>
          <Card title="Các bước">
            <Timeline
              data-testid="case-timeline"
              items={file.timeline.map((t) => {
                const done = file.steps.find((s) => s.step === t.step);
                return {
                  color: done ? 'green' : 'gray',
                  content: (
                    <span style={{ fontSize: 16 }}>
                      <b>{t.label}</b>
                      {done
                        ? ` – ${formatDate(done.stepDate)}${done.documentNumber ? ` (${done.documentNumber})` : ''}`
                        : t.required
                          ? ' – chưa thực hiện'
                          : ' – không bắt buộc'}
                    </span>
                  ),
                };
              })}
            />
            {file.canWrite && data.status === 'open' && openSteps.length > 0 && (
              <Form
                form={stepForm}
                layout="inline"
                onFinish={(v) => step.mutate(v)}
                initialValues={{ step: file.nextStep === 'conclusion' ? undefined : file.nextStep }}
              >
                <Form.Item
                  name="step"
                  label="Ghi bước"
                  rules={[{ required: true, message: 'Chọn bước.' }]}
                >
                  <Select
                    style={{ width: 300 }}
                    options={openSteps.map((s) => ({ value: s.step, label: s.label }))}
                  />
                </Form.Item>
                <Form.Item
                  name="stepDate"
                  label="Ngày"
                  rules={[{ required: true, message: 'Chọn ngày.' }]}
                >
                  <DateInput />
                </Form.Item>
                <Form.Item name="documentNumber" label="Số văn bản">
                  <Input style={{ width: 160 }} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={step.isPending}>
                  Ghi bước
                </Button>
              </Form>
            )}
          </Card>
          {file.canWrite && data.status === 'open' && file.nextStep === 'conclusion' && (
            <Card title="Kết luận, thông báo kết luận">
              <Form
                form={conclusionForm}
                layout="vertical"
                onFinish={(v) => conclude.mutate(v)}
                initialValues={{ publish: true }}
              >
                <Space wrap>
                  <Form.Item
                    name="conclusionNumber"
                    label="Số thông báo kết luận"
                    rules={[{ required: true, message: 'Cần nhập số.' }]}
                  >
                    <Input placeholder="Ví dụ: 05-TB/UBKT" />
                  </Form.Item>
                  <Form.Item
                    name="conclusionDate"
                    label="Ngày kết luận"
                    rules={[{ required: true, message: 'Chọn ngày.' }]}
                  >
                    <DateInput />
                  </Form.Item>
                </Space>
                <Form.Item
                  name="conclusionText"
                  label="Nội dung kết luận"
                  rules={[{ required: true, message: 'Cần nhập nội dung.' }]}
                >
                  <Input.TextArea rows={4} />
                </Form.Item>
                <Form.Item
                  name="outcomeSummary"
                  label="Kết quả được thông báo (người khác xem được)"
                  rules={[{ required: true, message: 'Cần nhập kết quả.' }]}
                >
                  <Input />
                </Form.Item>
                <Space wrap>
                  <Form.Item name="recommendation" label="Kiến nghị">
                    <Input style={{ width: 'min(420px, calc(100vw - 80px))' }} />
                  </Form.Item>
                  <Form.Item name="dueOn" label="Hạn thực hiện">
                    <DateInput />
                  </Form.Item>
                </Space>
                <Form.Item name="violationFound" valuePropName="checked">
                  <Checkbox>Có vi phạm (đề nghị xem xét kỷ luật)</Checkbox>
                </Form.Item>
                <Form.Item name="publish" valuePropName="checked">
                  <Checkbox>Thông báo kết luận cho tổ chức, đảng viên liên quan</Checkbox>
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={conclude.isPending}>
                  Ghi kết luận
                </Button>
              </Form>
            </Card>
          )}
          {file.canWrite && data.status === 'concluded' && !data.published && (
            <Card title="Thông báo kết luận" data-testid="publish-conclusion">
              <Typography.Paragraph>
                Kết luận chưa được thông báo: tổ chức, đảng viên liên quan chưa xem được kết quả.
              </Typography.Paragraph>
              <Form
                form={publishForm}
                layout="inline"
                onFinish={(v) => publish.mutate(v)}
                initialValues={{ publishedOn: todayLocal() }}
              >
                <Form.Item
                  name="publishedOn"
                  label="Ngày thông báo"
                  rules={[{ required: true, message: 'Chọn ngày.' }]}
                >
                  <DateInput />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={publish.isPending}>
                  Thông báo kết luận
                </Button>
              </Form>
            </Card>
          )}
          {file.conclusionText && (
            <Card title="Nội dung kết luận">
              <Typography.Paragraph style={{ fontSize: 16 }}>
                {file.conclusionText}
              </Typography.Paragraph>
            </Card>
          )}
          <Card title="Kiến nghị và việc thực hiện">
            <Table
              rowKey="id"
              pagination={false}
              dataSource={file.recommendations}
              locale={{ emptyText: 'Chưa có kiến nghị.' }}
              columns={[
                { title: 'Kiến nghị', dataIndex: 'text' },
                { title: 'Đơn vị thực hiện', dataIndex: 'addresseeName' },
                { title: 'Hạn', render: (_, r) => formatDate(r.dueOn) },
                {
                  title: 'Tình trạng',
                  render: (_, r) =>
                    r.status === 'done' ? (
                      <Tag color="green">Đã xong {formatDate(r.doneOn)}</Tag>
                    ) : file.canWrite ? (
                      <Button size="small" onClick={() => recDone.mutate(r)}>
                        Đánh dấu đã thực hiện
                      </Button>
                    ) : (
                      <Tag color="orange">Đang theo dõi</Tag>
                    ),
                },
              ]}
            />
          </Card>
          {file.disciplines.length > 0 && (
            <Card title="Kỷ luật sau kiểm tra">
              {file.disciplines
                .map((d) => `${disciplineFormLabels[d.form]}: ${d.subjectName}`)
                .join('; ')}
            </Card>
          )}
        </>
      )}
    </Space>
  );
};
