import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  applicantStatusLabels,
  educationAreaLabels,
  type TApplicantDetail,
} from '../../../../contracts/recruitment';
import { sexLabels } from '../../../../domain/enums/members';
import { formatDate } from '../../../../domain/text/vietnamese';
import { type ApiBody, api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { FormDownload } from '../forms/FormDownload';
import { ApplicantFields, applicantBody } from './applicant-form';
import { DeadlineTag } from './deadline-tag';
import { recruitmentKeys } from './keys';
import { StepModal } from './StepModal';

const statusColors: Record<TApplicantDetail['status'], string> = {
  in_progress: 'blue',
  probation: 'gold',
  full: 'green',
  stopped: 'default',
};

const StopModal = ({
  a,
  onClose,
  onDone,
}: {
  a: TApplicantDetail;
  onClose: () => void;
  onDone: () => void;
}) => {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const removal = a.status === 'probation';
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.POST('/api/recruitment/applicants/{id}/stop', {
        params: { path: { id: a.id } },
        body: {
          stopDate: (v.stopDate as Dayjs).format('YYYY-MM-DD'),
          reason: v.reason,
          decisionNumber: v.decisionNumber,
          version: a.version,
        },
      });
      onDone();
    } catch (e) {
      setError(applyApiError(e, form));
    }
  };
  return (
    <Modal
      open
      title={removal ? 'Xóa tên đảng viên dự bị' : 'Dừng xét kết nạp'}
      okText="Xác nhận"
      okButtonProps={{ danger: true }}
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
    >
      {removal && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="Đảng viên dự bị không đủ tư cách bị xóa tên khỏi danh sách đảng viên theo quyết định của cấp ủy có thẩm quyền."
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ stopDate: dayjs() }}>
        <Form.Item name="stopDate" label="Ngày" rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Form.Item name="reason" label="Lý do" rules={[{ required: true, message: 'Ghi lý do.' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="decisionNumber" label="Số quyết định">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const EditModal = ({
  a,
  onClose,
  onDone,
}: {
  a: TApplicantDetail;
  onClose: () => void;
  onDone: () => void;
}) => {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.PUT('/api/recruitment/applicants/{id}', {
        params: { path: { id: a.id } },
        body: {
          ...applicantBody(v),
          admissionExtended: a.admissionExtended,
          version: a.version,
        } as ApiBody<'/api/recruitment/applicants/{id}', 'put'>,
      });
      onDone();
    } catch (e) {
      setError(applyApiError(e, form));
    }
  };
  return (
    <Modal
      open
      width={760}
      title="Sửa thông tin"
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ ...a, birthDate: dayjs(a.birthDate) }}>
        <ApplicantFields />
      </Form>
    </Modal>
  );
};

export const ApplicantPage = () => {
  const { id } = useParams();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [modal, setModal] = useState<'step' | 'stop' | 'edit' | null>(null);
  const [notice, setNotice] = useState<{ text: string; failed: boolean } | null>(null);
  const key = recruitmentKeys.applicant(id);
  const { data: a, error } = useQuery({
    queryKey: key,
    queryFn: () =>
      api.GET('/api/recruitment/applicants/{id}', { params: { path: { id: Number(id) } } }),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  if (!a) return <Spin />;
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const recorded = new Map(a.steps.filter((s) => s.outcome === 'passed').map((s) => [s.step, s]));
  const deadlines = new Map(a.deadlines.map((d) => [d.step, d]));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Link to="/phat-trien-dang">← Phát triển đảng viên</Link>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {a.fullName}{' '}
          <Tag
            data-testid="applicant-status"
            color={statusColors[a.status]}
            style={{ fontSize: 14, verticalAlign: 'middle' }}
          >
            {applicantStatusLabels[a.status]}
          </Tag>
        </Typography.Title>
        <Space wrap>
          {a.canWrite && a.nextStep && (
            <Button type="primary" onClick={() => setModal('step')}>
              Ghi bước tiếp theo
            </Button>
          )}
          {a.canWrite && <Button onClick={() => setModal('edit')}>Sửa thông tin</Button>}
          {a.canWrite &&
            (a.status === 'in_progress' || (a.status === 'probation' && a.canDecide)) && (
              <Button danger onClick={() => setModal('stop')}>
                {a.status === 'probation' ? 'Xóa tên (không đủ tư cách)' : 'Dừng xét'}
              </Button>
            )}
        </Space>
      </Space>
      {notice && (
        <Alert
          type={notice.failed ? 'warning' : 'success'}
          showIcon
          title={notice.text}
          closable
          onClose={() => setNotice(null)}
          data-testid="step-notice"
        />
      )}
      {a.status === 'stopped' && (
        <Alert type="info" showIcon title={`Đã dừng: ${a.stoppedReason ?? ''}`} />
      )}
      {a.eligibility && !a.eligibility.ok && (
        <Alert
          type="warning"
          showIcon
          title="Chưa đủ điều kiện để chi bộ xét kết nạp"
          description={
            <ul style={{ margin: 0 }}>
              {a.eligibility.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          }
          data-testid="eligibility"
        />
      )}
      {a.memberId && (
        <Alert
          type="success"
          showIcon
          title={
            <span>
              Đã là đảng viên — <Link to={`/dang-vien/${a.memberId}`}>mở hồ sơ đảng viên</Link>
              {a.probationEndsOn
                ? `; hết thời gian dự bị ngày ${formatDate(a.probationEndsOn)}`
                : ''}
              .
            </span>
          }
        />
      )}
      <Card title="Thông tin">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="Chi bộ">{a.orgUnitName}</Descriptions.Item>
          <Descriptions.Item label="Giới tính">{sexLabels[a.sex]}</Descriptions.Item>
          <Descriptions.Item label="Ngày sinh">{formatDate(a.birthDate)}</Descriptions.Item>
          <Descriptions.Item label="Số định danh">{a.citizenId ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Dân tộc / Tôn giáo">
            {a.ethnicity} / {a.religion}
          </Descriptions.Item>
          <Descriptions.Item label="Giáo dục phổ thông">
            {a.generalEducation ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Điều kiện học vấn">
            {educationAreaLabels[a.educationArea]}
          </Descriptions.Item>
          <Descriptions.Item label="Nơi làm việc">
            {[a.position, a.workplace].filter(Boolean).join(', ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Người giúp đỡ">{a.mentorName ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title="Các bước và thời hạn"
        extra={
          // The decisions drafted from the steps recorded (docs/domain/forms.md): from the cell's vote on.
          recorded.has('cell_vote') ? (
            <FormDownload
              size="small"
              label="In quyết định"
              testId="applicant-forms"
              forms={[
                {
                  label: 'Quyết định kết nạp (9-KNĐ)',
                  url: `/api/forms/applicants/${a.id}/ket-nap`,
                },
                ...(recorded.has('recognition_cell_vote')
                  ? [
                      {
                        label: 'Quyết định công nhận chính thức (16-KNĐ)',
                        url: `/api/forms/applicants/${a.id}/cong-nhan`,
                      },
                    ]
                  : []),
              ]}
            />
          ) : undefined
        }
      >
        <Timeline
          data-testid="applicant-steps"
          items={a.applicableSteps.map((s) => {
            const done = recorded.get(s.step);
            const failed = a.steps.filter((r) => r.step === s.step && r.outcome === 'failed');
            const deadline = deadlines.get(s.step);
            return {
              color: done
                ? 'green'
                : failed.length
                  ? 'red'
                  : s.step === a.nextStep
                    ? // A real blue: the theme's primary colour is red, like a failed vote.
                      '#1677ff'
                    : 'gray',
              content: (
                <div data-testid={`step-${s.step}`}>
                  <b>{s.label}</b>
                  {s.formCode && (
                    <Typography.Text type="secondary"> ({s.formCode})</Typography.Text>
                  )}
                  {done && (
                    <span>
                      {' '}
                      — {formatDate(done.stepDate)}
                      {done.votesTotal ? `, ${done.votesFor}/${done.votesTotal} tán thành` : ''}
                      {done.documentNumber ? `, số ${done.documentNumber}` : ''}
                    </span>
                  )}
                  {failed.map((f) => (
                    <div key={f.id} style={{ color: '#cf1322' }}>
                      {formatDate(f.stepDate)}: không đạt ({f.votesFor}/{f.votesTotal} tán thành)
                    </div>
                  ))}
                  {deadline && (
                    <div>
                      <DeadlineTag deadline={deadline} />
                    </div>
                  )}
                </div>
              ),
            };
          })}
        />
      </Card>
      <Card title="Văn bản trong hồ sơ">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={a.steps}
          columns={[
            { title: 'Bước', dataIndex: 'label' },
            { title: 'Mẫu', dataIndex: 'formCode', render: (v) => v ?? '—' },
            { title: 'Ngày', dataIndex: 'stepDate', render: formatDate },
            { title: 'Số văn bản', dataIndex: 'documentNumber', render: (v) => v ?? '—' },
            {
              title: 'Kết quả',
              dataIndex: 'outcome',
              render: (v) =>
                v === 'passed' ? <Tag color="green">Đạt</Tag> : <Tag color="red">Không đạt</Tag>,
            },
            {
              title: 'Tệp',
              render: (_, r) =>
                r.documentId ? (
                  <a href={`/api/recruitment/documents/${r.documentId}`}>{r.documentName}</a>
                ) : (
                  '—'
                ),
            },
            { title: 'Người ghi', dataIndex: 'recordedByName' },
          ]}
        />
      </Card>
      {modal === 'step' && (
        <StepModal
          applicant={a}
          onClose={() => setModal(null)}
          onDone={(text, failed) => {
            setModal(null);
            setNotice({ text, failed });
            refresh();
          }}
        />
      )}
      {modal === 'stop' && (
        <StopModal
          a={a}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            message.success('Đã ghi.');
            refresh();
          }}
        />
      )}
      {modal === 'edit' && (
        <EditModal
          a={a}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            message.success('Đã lưu.');
            refresh();
          }}
        />
      )}
    </Space>
  );
};
