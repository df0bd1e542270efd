import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import {
  activityKindLabels,
  activityKinds,
  commitmentOutcomeLabels,
  commitmentOutcomes,
  reviewKindLabels,
  reviewKinds,
  type TActivity,
  type TCommitment,
  type TProgrammeDetail,
  type TReview,
} from '../../../../contracts/education';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { MemberPicker } from '../../components/MemberPicker';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { educationKeys } from './keys';
import { FilePicker, iso, uploadFile } from './shared';

/** A modal form that posts, refreshes the programme and closes; errors land on their fields. */
const FormModal = ({
  title,
  initialValues,
  send,
  onClose,
  children,
}: {
  title: string;
  initialValues: Record<string, unknown>;
  send: (values: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
  children: (form: ReturnType<typeof Form.useForm>[0]) => ReactNode;
}) => {
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
      await send(v);
      message.success('Đã lưu.');
      await client.invalidateQueries({ queryKey: educationKeys.programme() });
      await client.invalidateQueries({ queryKey: educationKeys.programmes() });
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
      title={title}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      confirmLoading={saving}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initialValues}>
        {children(form)}
      </Form>
    </Modal>
  );
};

const required = (message: string) => [{ required: true, message }];

/** A unit's activity: a study session, a thematic meeting (linked to the one recorded), a contest. */
export const ActivityModal = ({
  programme,
  activity,
  onClose,
}: {
  programme: TProgrammeDetail;
  /** Given: the activity is corrected (its version checked), otherwise a new one is recorded. */
  activity?: TActivity;
  onClose: () => void;
}) => {
  const { user } = useAuth();
  const [unitId, setUnitId] = useState<number | undefined>(
    activity?.orgUnitId ?? user?.scopeOrgUnitId,
  );
  const meetings = useQuery({
    queryKey: educationKeys.programme('meetings', unitId),
    queryFn: () =>
      api.GET('/api/meetings', {
        params: { query: { orgUnitId: unitId, from: programme.fromDate } },
      }),
    enabled: unitId !== undefined,
  });
  return (
    <FormModal
      title={activity ? 'Sửa hoạt động học tập' : 'Ghi hoạt động học tập, sinh hoạt chuyên đề'}
      initialValues={
        activity
          ? {
              orgUnitId: activity.orgUnitId,
              kind: activity.kind,
              title: activity.title,
              heldOn: dayjs(activity.heldOn),
              meetingId: activity.meetingId ?? undefined,
              participants: activity.participants ?? undefined,
              note: activity.note ?? undefined,
            }
          : { orgUnitId: user?.scopeOrgUnitId, kind: 'thematic_meeting', heldOn: dayjs() }
      }
      onClose={onClose}
      send={(v) => {
        const body = {
          orgUnitId: v.orgUnitId as number,
          kind: v.kind as 'study',
          title: v.title as string,
          heldOn: iso(v.heldOn as dayjs.Dayjs)!,
          meetingId: (v.meetingId as number | undefined) ?? null,
          participants: (v.participants as number | undefined) ?? null,
          note: v.note as string | undefined,
        };
        return activity
          ? api.PUT('/api/education/activities/{id}', {
              params: { path: { id: activity.id } },
              body: { ...body, version: activity.version },
            })
          : api.POST('/api/education/programmes/{id}/activities', {
              params: { path: { id: programme.id } },
              body,
            });
      }}
    >
      {() => (
        <>
          <Form.Item name="orgUnitId" label="Đơn vị" rules={[{ required: true }]}>
            <OrgUnitSelect onChange={setUnitId} />
          </Form.Item>
          <Form.Item name="kind" label="Hình thức" rules={[{ required: true }]}>
            <Select
              options={activityKinds.map((k) => ({ value: k, label: activityKindLabels[k] }))}
            />
          </Form.Item>
          <Form.Item name="title" label="Nội dung" rules={required('Cần nhập nội dung.')}>
            <Input />
          </Form.Item>
          <Form.Item name="heldOn" label="Ngày tổ chức" rules={required('Cần chọn ngày.')}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="meetingId" label="Buổi sinh hoạt chi bộ đã ghi (nếu có)">
            <Select
              allowClear
              loading={meetings.isLoading}
              options={(meetings.data?.items ?? []).map((m) => ({
                value: m.id,
                label: `${formatDate(m.heldOn)} – ${m.title}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="participants" label="Số người tham gia">
            <InputNumber min={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="note" label="Ghi chú">
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
};

/** A member's yearly commitment (bản cam kết tu dưỡng, rèn luyện, phấn đấu). */
export const CommitmentModal = ({
  programme,
  year,
  onClose,
}: {
  programme: TProgrammeDetail;
  year: number;
  onClose: () => void;
}) => (
  <FormModal
    title={`Ghi bản cam kết năm ${year}`}
    initialValues={{ signedOn: dayjs() }}
    onClose={onClose}
    send={(v) =>
      api.POST('/api/education/programmes/{id}/commitments', {
        params: { path: { id: programme.id } },
        body: {
          memberId: v.memberId as number,
          year,
          signedOn: iso(v.signedOn as dayjs.Dayjs)!,
          content: v.content as string,
        },
      })
    }
  >
    {() => (
      <>
        <Form.Item name="memberId" label="Đảng viên" rules={required('Cần chọn đảng viên.')}>
          <MemberPicker allowClear />
        </Form.Item>
        <Form.Item name="signedOn" label="Ngày ký" rules={required('Cần chọn ngày ký.')}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item
          name="content"
          label="Nội dung cam kết"
          rules={required('Cần nhập nội dung cam kết.')}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
      </>
    )}
  </FormModal>
);

/** The year-end outcome of a commitment. */
export const OutcomeModal = ({
  commitment,
  onClose,
}: {
  commitment: TCommitment;
  onClose: () => void;
}) => (
  <FormModal
    title={`Kết quả thực hiện cam kết: ${commitment.memberName}`}
    initialValues={{ outcome: commitment.outcome ?? 'kept', outcomeNote: commitment.outcomeNote }}
    onClose={onClose}
    send={(v) =>
      api.PUT('/api/education/commitments/{id}/outcome', {
        params: { path: { id: commitment.id } },
        body: {
          outcome: v.outcome as 'kept',
          outcomeNote: v.outcomeNote as string | undefined,
          version: commitment.version,
        },
      })
    }
  >
    {() => (
      <>
        <Form.Item name="outcome" label="Kết quả" rules={[{ required: true }]}>
          <Select
            options={commitmentOutcomes.map((k) => ({
              value: k,
              label: commitmentOutcomeLabels[k],
            }))}
          />
        </Form.Item>
        <Form.Item name="outcomeNote" label="Nhận xét">
          <Input.TextArea rows={2} />
        </Form.Item>
      </>
    )}
  </FormModal>
);

/** A review (sơ kết, tổng kết): the dates and the report; its figures are computed, not typed. */
export const ReviewModal = ({
  programme,
  review,
  onClose,
}: {
  programme: TProgrammeDetail;
  /** Given: the review is corrected (a new file replaces the report, otherwise it is kept). */
  review?: TReview;
  onClose: () => void;
}) => {
  const { user } = useAuth();
  const [file, setFile] = useState<File | null>(null);
  return (
    <FormModal
      title={review ? 'Sửa hội nghị sơ kết, tổng kết' : 'Ghi hội nghị sơ kết, tổng kết'}
      initialValues={
        review
          ? {
              orgUnitId: review.orgUnitId,
              kind: review.kind,
              title: review.title,
              periodFrom: dayjs(review.periodFrom),
              periodTo: dayjs(review.periodTo),
              heldOn: dayjs(review.heldOn),
              reportRef: review.reportRef ?? undefined,
              note: review.note ?? undefined,
            }
          : {
              orgUnitId: user?.scopeOrgUnitId,
              kind: 'interim',
              periodFrom: dayjs(programme.fromDate),
              heldOn: dayjs(),
            }
      }
      onClose={onClose}
      send={async (v) => {
        const documentId = file
          ? await uploadFile(v.orgUnitId as number, file)
          : (review?.documentId ?? null);
        const body = {
          orgUnitId: v.orgUnitId as number,
          kind: v.kind as 'interim',
          title: v.title as string,
          periodFrom: iso(v.periodFrom as dayjs.Dayjs)!,
          periodTo: iso(v.periodTo as dayjs.Dayjs)!,
          heldOn: iso(v.heldOn as dayjs.Dayjs)!,
          reportRef: v.reportRef as string | undefined,
          documentId,
          note: v.note as string | undefined,
        };
        return review
          ? api.PUT('/api/education/reviews/{id}', {
              params: { path: { id: review.id } },
              body: { ...body, version: review.version },
            })
          : api.POST('/api/education/programmes/{id}/reviews', {
              params: { path: { id: programme.id } },
              body,
            });
      }}
    >
      {() => (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="Số liệu của kỳ (đơn vị đã tổ chức học tập, đảng viên đã cam kết, mô hình) được tính từ hồ sơ, không nhập tay."
          />
          <Form.Item name="orgUnitId" label="Cấp ủy tổ chức" rules={[{ required: true }]}>
            <OrgUnitSelect />
          </Form.Item>
          <Form.Item name="kind" label="Loại" rules={[{ required: true }]}>
            <Select options={reviewKinds.map((k) => ({ value: k, label: reviewKindLabels[k] }))} />
          </Form.Item>
          <Form.Item name="title" label="Tên hội nghị" rules={required('Cần nhập tên.')}>
            <Input placeholder="Sơ kết 4 năm thực hiện Chỉ thị 05-CT/TW" />
          </Form.Item>
          <Form.Item name="periodFrom" label="Kỳ từ ngày" rules={required('Cần chọn ngày.')}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="periodTo" label="Đến ngày" rules={required('Cần chọn ngày.')}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="heldOn" label="Ngày tổ chức" rules={required('Cần chọn ngày.')}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="reportRef" label="Báo cáo (số, ngày)">
            <Input />
          </Form.Item>
          <Form.Item label="Tệp báo cáo">
            <FilePicker file={file} onChange={setFile} />
          </Form.Item>
          <Form.Item name="note" label="Ghi chú">
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
};
