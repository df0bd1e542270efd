// The member's photo on the record: shown 3 × 4; an office that may edit the record uploads (JPEG or
// PNG up to 5 MB), crops and removes it. The server checks the file and stores the normalised JPEG.
import { UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { applyApiError } from '../../components/errors';
import { membersKeys } from './keys';
import { type CropRect, PhotoCropModal } from './PhotoCropModal';

const MAX_BYTES = 5 * 1024 * 1024;

const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('Không đọc được tệp ảnh.'));
    reader.readAsDataURL(file);
  });

/** The stored photo as a blob address, or null when the member has none (204). */
const usePhoto = (memberId: number) => {
  const query = useQuery({
    queryKey: membersKeys.member(String(memberId), 'photo'),
    queryFn: async () => {
      const res = await fetch(`/api/members/${memberId}/photo`, { credentials: 'same-origin' });
      if (res.status === 204) return null;
      if (!res.ok) throw new Error('Không tải được ảnh.');
      return URL.createObjectURL(await res.blob());
    },
    staleTime: 60_000,
  });
  const url = query.data ?? null;
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return { url, loading: query.isLoading };
};

export const MemberPhoto = ({
  memberId,
  fullName,
  canEdit,
}: {
  memberId: number;
  fullName: string;
  canEdit: boolean;
}) => {
  const { message } = App.useApp();
  const client = useQueryClient();
  const { url, loading } = usePhoto(memberId);
  const input = useRef<HTMLInputElement | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = () =>
    client.invalidateQueries({ queryKey: membersKeys.member(String(memberId), 'photo') });

  const pick = (chosen: File | undefined) => {
    if (input.current) input.current.value = '';
    if (!chosen) return;
    if (!['image/jpeg', 'image/png'].includes(chosen.type)) {
      message.error('Chỉ nhận ảnh JPEG hoặc PNG.');
      return;
    }
    if (chosen.size > MAX_BYTES) {
      message.error(
        `Ảnh lớn ${(chosen.size / 1024 / 1024).toFixed(1)} MB: chỉ nhận ảnh không quá 5 MB.`,
      );
      return;
    }
    setError(null);
    setFile(chosen);
  };
  const save = async (crop: CropRect) => {
    if (!file) return;
    setSaving(true);
    setError(null);
    try {
      await api.PUT('/api/members/{id}/photo', {
        params: { path: { id: memberId } },
        body: { contentBase64: await toBase64(file), fileName: file.name, crop },
      });
      message.success('Đã lưu ảnh.');
      setFile(null);
      await refresh();
    } catch (e) {
      setError(applyApiError(e));
    } finally {
      setSaving(false);
    }
  };
  const remove = async () => {
    try {
      await api.DELETE('/api/members/{id}/photo', { params: { path: { id: memberId } } });
      message.success('Đã gỡ ảnh.');
      await refresh();
    } catch (e) {
      message.error(applyApiError(e));
    }
  };

  return (
    <Space orientation="vertical" size={4} align="center" data-testid="member-photo">
      <div
        style={{
          width: 90,
          height: 120,
          border: '1px solid #d9d9d9',
          borderRadius: 4,
          background: '#fafafa',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          overflow: 'hidden',
        }}
      >
        {url ? (
          <img
            src={url}
            alt={`Ảnh của ${fullName}`}
            data-testid="member-photo-image"
            style={{ width: 90, height: 120, objectFit: 'cover' }}
          />
        ) : (
          <span style={{ color: '#999', textAlign: 'center', fontSize: 12 }}>
            <UserOutlined style={{ fontSize: 32, display: 'block', marginBottom: 4 }} />
            {loading ? '…' : 'Chưa có ảnh'}
          </span>
        )}
      </div>
      {canEdit && (
        <Space size={4} wrap style={{ justifyContent: 'center' }}>
          <Button size="small" onClick={() => input.current?.click()}>
            {url ? 'Đổi ảnh' : 'Tải ảnh'}
          </Button>
          {url && (
            <Popconfirm
              title="Gỡ ảnh của đảng viên?"
              okText="Gỡ ảnh"
              cancelText="Không"
              onConfirm={remove}
            >
              <Button size="small" danger>
                Gỡ
              </Button>
            </Popconfirm>
          )}
          <input
            ref={input}
            type="file"
            accept="image/jpeg,image/png"
            hidden
            data-testid="member-photo-input"
            onChange={(e) => pick(e.target.files?.[0])}
          />
        </Space>
      )}
      {file && (
        <PhotoCropModal
          file={file}
          saving={saving}
          error={error}
          onCancel={() => setFile(null)}
          onSave={save}
        />
      )}
    </Space>
  );
};
