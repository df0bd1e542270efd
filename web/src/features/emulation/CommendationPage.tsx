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
  Radio,
  Space,
  Spin,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TCommendationDetail } from '../../../../contracts/emulation';
import { commendationFormLabels } from '../../../../domain/rules/commendations/commendations';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { emulationKeys } from './keys';
import { CommendationStatusTag, EligibilityView } from './shared';

/** The review (thẩm định) or the decision of the granting level. */
const StepModal = ({
  detail,
  step,
  onClose,
}: {
  detail: TCommendationDetail;
  step: 'review' | 'decision';
  onClose: () => void;
}) => {
  const { user } = useAuth();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    setSaving(true);
    try {
      if (step === 'review')
        await api.POST('/api/emulation/commendations/{id}/review', {
          params: { path: { id: detail.id } },
          body: {
            version: detail.version,
            reviewedOn: v.date.format('YYYY-MM-DD'),
            reviewNote: v.reviewNote,
          },
        });
      else
        await api.POST('/api/emulation/commendations/{id}/decision', {
          params: { path: { id: detail.id } },
          body: {
            version: detail.version,
            outcome: v.outcome,
            grantingOrgUnitId: v.grantingOrgUnitId,
            grantingAuthority: v.grantingAuthority,
            decidedOn: v.date.format('YYYY-MM-DD'),
            decisionRef: v.decisionRef,
            reviewNote: v.reviewNote,
          },
        });
      message.success(step === 'review' ? 'Đã ghi kết quả thẩm định.' : 'Đã ghi quyết định.');
      await client.invalidateQueries({ queryKey: emulationKeys.commendation() });
      await client.invalidateQueries({ queryKey: emulationKeys.commendations() });
      onClose();
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={step === 'review' ? 'Thẩm định hồ sơ khen thưởng' : 'Quyết định khen thưởng'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          date: dayjs(),
          outcome: detail.status === 'reviewed' ? 'granted' : 'refused',
          grantingOrgUnitId: user?.scopeOrgUnitId,
        }}
      >
        {step === 'decision' && (
          <>
            <Form.Item name="outcome" label="Kết quả">
              <Radio.Group
                options={[
                  {
                    value: 'granted',
                    label: 'Khen thưởng',
                    disabled: detail.status !== 'reviewed',
                  },
                  { value: 'refused', label: 'Không khen thưởng' },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="grantingOrgUnitId"
              label="Cấp khen thưởng"
              rules={[{ required: true }]}
            >
              <OrgUnitSelect />
            </Form.Item>
            <Form.Item
              name="grantingAuthority"
              label="Cơ quan quyết định"
              rules={[{ required: true, message: 'Cần nhập cơ quan quyết định.' }]}
            >
              <Input placeholder="Ban Thường vụ Đảng ủy …" />
            </Form.Item>
            <Form.Item name="decisionRef" label="Số quyết định">
              <Input placeholder="30-QĐ/ĐU" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="date"
          label={step === 'review' ? 'Ngày thẩm định' : 'Ngày quyết định'}
          rules={[{ required: true }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reviewNote" label="Ý kiến">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** One commendation: the subject, the form, the eligibility from the ratings, and its flow. */
export const CommendationPage = () => {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const [step, setStep] = useState<'review' | 'decision' | null>(null);
  const { data, isLoading, error } = useQuery({
    queryKey: emulationKeys.commendation(id),
    queryFn: () => api.GET('/api/emulation/commendations/{id}', { params: { path: { id } } }),
  });
  if (isLoading) return <Spin />;
  if (error || !data) return <Alert type="error" showIcon title={(error as Error)?.message} />;
  const decider = can('commendation.decide') && data.canDecide;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Link to="/khen-thuong">← Sổ khen thưởng</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {data.subjectName}
      </Typography.Title>
      <Card
        extra={
          decider && (
            <Space wrap>
              {data.status === 'proposed' && (
                <Button type="primary" onClick={() => setStep('review')}>
                  Thẩm định
                </Button>
              )}
              <Button onClick={() => setStep('decision')}>Quyết định</Button>
            </Space>
          )
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Trạng thái">
            <CommendationStatusTag status={data.status} />
          </Descriptions.Item>
          <Descriptions.Item label="Hình thức">
            {commendationFormLabels[data.form]}
            {data.yearsRunning && data.yearsRunning > 1 ? `, ${data.yearsRunning} năm liền` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="Năm">{data.year}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị đề nghị">{data.proposingOrgUnitName}</Descriptions.Item>
          <Descriptions.Item label="Ngày đề nghị">{formatDate(data.proposedOn)}</Descriptions.Item>
          {data.movementName && (
            <Descriptions.Item label="Phong trào">
              <Link to={`/thi-dua/${data.movementId}`}>{data.movementName}</Link>
            </Descriptions.Item>
          )}
          {data.reviewedOn && (
            <Descriptions.Item label="Ngày thẩm định">
              {formatDate(data.reviewedOn)}
            </Descriptions.Item>
          )}
          {data.reviewNote && (
            <Descriptions.Item label="Ý kiến">{data.reviewNote}</Descriptions.Item>
          )}
          {data.grantingAuthority && (
            <Descriptions.Item label="Cơ quan quyết định">
              {data.grantingAuthority}
            </Descriptions.Item>
          )}
          {data.decidedOn && (
            <Descriptions.Item label="Quyết định">
              {data.decisionRef ?? '—'} ngày {formatDate(data.decidedOn)}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Title level={5}>Thành tích</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
          {data.achievements}
        </Typography.Paragraph>
      </Card>
      {data.eligibility && (
        <Card title="Đối chiếu điều kiện với kết quả xếp loại">
          <EligibilityView eligibility={data.eligibility} />
        </Card>
      )}
      {step && <StepModal detail={data} step={step} onClose={() => setStep(null)} />}
    </Space>
  );
};
