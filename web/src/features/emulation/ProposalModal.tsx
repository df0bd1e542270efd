import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  type CommendationForm,
  commendationFormLabels,
  commendationForms,
  isRatedForm,
  yearsRunningChoices,
} from '../../../../domain/rules/commendations/commendations';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth';
import { applyApiError } from '../../components/errors';
import { MemberPicker } from '../../components/MemberPicker';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { emulationKeys } from './keys';
import { EligibilityView, yearOptions } from './shared';

/**
 * Propose a commendation. For a form given by the rating, the eligibility is read from the decided
 * ratings as the user fills the form, and explained year by year (never typed).
 */
export const ProposalModal = ({
  movementId,
  onClose,
  onSaved,
}: {
  movementId?: number;
  onClose: () => void;
  onSaved: (id: number) => void;
}) => {
  const { user } = useAuth();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const subjectKind = Form.useWatch('subjectKind', form) as 'organisation' | 'member' | undefined;
  const subjectOrgUnitId = Form.useWatch('subjectOrgUnitId', form) as number | undefined;
  const subjectMemberId = Form.useWatch('subjectMemberId', form) as number | undefined;
  const cform = Form.useWatch('form', form) as CommendationForm | undefined;
  const year = Form.useWatch('year', form) as number | undefined;
  const yearsRunning = Form.useWatch('yearsRunning', form) as number | undefined;
  const subjectChosen = subjectKind === 'member' ? subjectMemberId : subjectOrgUnitId;
  const rated = cform ? isRatedForm(cform) : false;
  const eligibility = useQuery({
    queryKey: emulationKeys.eligibility(subjectKind, subjectChosen, cform, year, yearsRunning),
    queryFn: () =>
      api.GET('/api/emulation/commendations/eligibility', {
        params: {
          query: {
            subjectKind: subjectKind ?? 'member',
            subjectOrgUnitId: subjectKind === 'organisation' ? subjectOrgUnitId : undefined,
            subjectMemberId: subjectKind === 'member' ? subjectMemberId : undefined,
            form: cform ?? 'certificate',
            year: year ?? 0,
            yearsRunning: yearsRunning ?? 1,
          },
        },
      }),
    enabled: Boolean(subjectKind && subjectChosen && cform && year && rated),
  });
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    setSaving(true);
    try {
      const saved = await api.POST('/api/emulation/commendations', {
        body: {
          proposingOrgUnitId: v.proposingOrgUnitId,
          subjectKind: v.subjectKind,
          subjectOrgUnitId: v.subjectKind === 'organisation' ? v.subjectOrgUnitId : null,
          subjectMemberId: v.subjectKind === 'member' ? v.subjectMemberId : null,
          form: v.form,
          year: v.year,
          yearsRunning: isRatedForm(v.form) ? v.yearsRunning : null,
          movementId: movementId ?? null,
          achievements: v.achievements,
          proposedOn: v.proposedOn.format('YYYY-MM-DD'),
        },
      });
      message.success('Đã ghi đề nghị khen thưởng.');
      await client.invalidateQueries({ queryKey: emulationKeys.commendations() });
      onSaved(saved.id);
    } catch (e) {
      setError(applyApiError(e, form));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      width={760}
      title="Đề nghị khen thưởng"
      okText="Lưu đề nghị"
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
          proposingOrgUnitId: user?.scopeOrgUnitId,
          subjectKind: 'member',
          form: 'exemplary_certificate',
          year: new Date().getFullYear() - 1,
          yearsRunning: 1,
          proposedOn: dayjs(),
        }}
      >
        <Form.Item name="proposingOrgUnitId" label="Đơn vị đề nghị" rules={[{ required: true }]}>
          <OrgUnitSelect />
        </Form.Item>
        <Form.Item name="subjectKind" label="Đối tượng">
          <Radio.Group
            options={[
              { value: 'member', label: 'Đảng viên' },
              { value: 'organisation', label: 'Tổ chức đảng' },
            ]}
          />
        </Form.Item>
        {subjectKind === 'organisation' ? (
          <Form.Item
            name="subjectOrgUnitId"
            label="Tổ chức đảng được đề nghị"
            rules={[{ required: true, message: 'Cần chọn tổ chức đảng.' }]}
          >
            <OrgUnitSelect />
          </Form.Item>
        ) : (
          <Form.Item
            name="subjectMemberId"
            label="Đảng viên được đề nghị"
            rules={[{ required: true, message: 'Cần chọn đảng viên.' }]}
          >
            <MemberPicker allowClear />
          </Form.Item>
        )}
        <Form.Item name="form" label="Hình thức khen thưởng" rules={[{ required: true }]}>
          <Select
            options={commendationForms.map((f) => ({ value: f, label: commendationFormLabels[f] }))}
          />
        </Form.Item>
        <Form.Item
          name="year"
          label="Năm được khen (năm cuối nếu nhiều năm liền)"
          rules={[{ required: true }]}
        >
          <Select options={yearOptions(8)} />
        </Form.Item>
        {rated && (
          <Form.Item name="yearsRunning" label="Số năm liền">
            <Radio.Group
              options={yearsRunningChoices.map((n) => ({
                value: n,
                label: n === 1 ? 'Trong năm' : `${n} năm liền`,
              }))}
            />
          </Form.Item>
        )}
        {rated && eligibility.data && (
          <Form.Item label="Đối chiếu kết quả xếp loại">
            <EligibilityView eligibility={eligibility.data} />
          </Form.Item>
        )}
        {rated && eligibility.error && (
          <Alert type="error" showIcon title={(eligibility.error as Error).message} />
        )}
        <Form.Item
          name="achievements"
          label="Thành tích"
          rules={[{ required: true, message: 'Cần tóm tắt thành tích.' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="proposedOn" label="Ngày đề nghị" rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
