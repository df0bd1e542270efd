import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { resolutionKindLabels, type TMyReflectionItem } from '../../../../contracts/resolutions';
import { formatDate } from '../../../../domain/text/vietnamese';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { resolutionsKeys } from './keys';

const WriteModal = ({ item, onClose }: { item: TMyReflectionItem; onClose: () => void }) => {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const v = await form.validateFields();
      return api.PUT('/api/resolutions/{id}/reflection', {
        params: { path: { id: item.resolutionId } },
        body: { content: v.content },
      });
    },
    onSuccess: async () => {
      message.success('Đã nộp bài thu hoạch.');
      await client.invalidateQueries({ queryKey: resolutionsKeys.myReflections() });
      onClose();
    },
    onError: (e) => setError(applyApiError(e, form)),
  });
  return (
    <Modal
      open
      width={760}
      title={`Bài thu hoạch: ${item.number}`}
      okText="Nộp bài"
      cancelText="Hủy"
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      onCancel={onClose}
    >
      <Typography.Paragraph>{item.title}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ content: item.content ?? '' }}>
        <Form.Item
          name="content"
          label="Nội dung thu hoạch (nhận thức của bản thân, việc sẽ làm)"
          rules={[{ required: true, min: 30, message: 'Bài thu hoạch cần ít nhất 30 ký tự.' }]}
        >
          <Input.TextArea rows={12} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** The member's own reflections on the resolutions their cell studies. */
export const MyReflectionsPage = () => {
  const [writing, setWriting] = useState<TMyReflectionItem | null>(null);
  const { data, error, isLoading } = useQuery({
    queryKey: resolutionsKeys.myReflections(),
    queryFn: () => api.GET('/api/resolutions/reflections/mine'),
  });
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3} style={{ margin: 0 }}>
        Bài thu hoạch của tôi
      </Typography.Title>
      {writing && <WriteModal item={writing} onClose={() => setWriting(null)} />}
      {isLoading && <Card loading />}
      {data && data.items.length === 0 && <Empty description="Chưa có văn bản nào cần học tập." />}
      {data?.items.map((item) => (
        <Card
          key={item.resolutionId}
          title={`${resolutionKindLabels[item.kind]} ${item.number} (${formatDate(item.issuedOn)})`}
          extra={
            <Button
              type={item.submittedOn ? 'default' : 'primary'}
              size="large"
              onClick={() => setWriting(item)}
            >
              {item.submittedOn ? 'Sửa bài thu hoạch' : 'Viết bài thu hoạch'}
            </Button>
          }
        >
          <Typography.Paragraph>{item.title}</Typography.Paragraph>
          <Space wrap>
            {item.studyDeadline && <span>Hạn học tập: {formatDate(item.studyDeadline)}</span>}
            {item.submittedOn ? (
              <Tag color="green">Đã nộp ngày {formatDate(item.submittedOn)}</Tag>
            ) : (
              <Tag color="orange">Chưa nộp</Tag>
            )}
          </Space>
        </Card>
      ))}
    </Space>
  );
};
