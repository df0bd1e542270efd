import { CloudDownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { RESTORE_CONFIRMATION, type RestoreResultDto } from '../../../../contracts/backup';
import { csrfHeader } from '../../api/client';
import { sessionKey } from '../../app/auth';

const formatDate = (iso: string) =>
  new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });

export const BackupPage = () => {
  const [file, setFile] = useState<File | null>(null);
  const [confirmation, setConfirmation] = useState('');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<RestoreResultDto | null>(null);
  const client = useQueryClient();
  const navigate = useNavigate();
  const confirmed = confirmation.trim().normalize('NFC') === RESTORE_CONFIRMATION;

  const restore = async () => {
    if (!file || !confirmed) return;
    setRunning(true);
    setError(null);
    setResult(null);
    try {
      const res = await fetch(
        `/api/backup/restore?confirm=${encodeURIComponent(RESTORE_CONFIRMATION)}`,
        {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/octet-stream', ...csrfHeader() },
          body: file,
        },
      );
      const data = await res.json().catch(() => ({}));
      if (!res.ok) setError(data.message ?? 'Không phục hồi được, vui lòng thử lại.');
      else setResult(data as RestoreResultDto);
    } catch {
      setError('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
    } finally {
      setRunning(false);
    }
  };

  const loginAgain = () => {
    client.clear();
    client.setQueryData(sessionKey, null);
    navigate('/dang-nhap');
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Sao lưu, phục hồi
      </Typography.Title>
      <Card title="Sao lưu">
        <Typography.Paragraph>
          Tải về một tệp chứa toàn bộ dữ liệu (tổ chức, đảng viên, hồ sơ, nhật ký…) tại thời điểm
          bấm. Tệp chứa cả thông tin hạn chế: hãy cất giữ như tài liệu mật. Việc tải về được ghi vào
          nhật ký hệ thống.
        </Typography.Paragraph>
        <Button
          type="primary"
          icon={<CloudDownloadOutlined />}
          href="/api/backup/download"
          data-testid="backup-download"
        >
          Tải bản sao lưu
        </Button>
      </Card>
      <Card title="Phục hồi từ tệp sao lưu">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Alert
            type="warning"
            showIcon
            title="Phục hồi thay TOÀN BỘ dữ liệu hiện tại bằng dữ liệu trong tệp và kết thúc mọi phiên đăng nhập."
            description="Tệp phải cùng mức cơ sở dữ liệu với phiên bản đang chạy; mã kiểm tra và chuỗi băm của nhật ký được kiểm tra trước khi ghi. Nếu có sai sót, dữ liệu hiện tại giữ nguyên."
          />
          <Upload.Dragger
            accept=".dangvu-backup"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              setResult(null);
              setError(null);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {file
                ? `${file.name} (${(file.size / 1024 / 1024).toFixed(1)} MB)`
                : 'Chọn hoặc kéo thả tệp .dangvu-backup vào đây'}
            </p>
          </Upload.Dragger>
          <label htmlFor="restore-confirm">
            Gõ <Typography.Text strong>{RESTORE_CONFIRMATION}</Typography.Text> để xác nhận:
          </label>
          <Input
            id="restore-confirm"
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
            style={{ maxWidth: 260 }}
            autoComplete="off"
            data-testid="restore-confirm"
          />
          <Button
            danger
            type="primary"
            disabled={!file || !confirmed}
            loading={running}
            onClick={restore}
            data-testid="restore-run"
          >
            Phục hồi
          </Button>
          {error && <Alert type="error" showIcon title={error} />}
          {result && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Alert
                type="success"
                showIcon
                title={`Đã phục hồi ${result.totalRows.toLocaleString('vi-VN')} dòng từ bản sao lưu lúc ${formatDate(result.backupCreatedAt)} (dangvu ${result.appVersion}).`}
                description={`Nhật ký toàn vẹn: đã kiểm tra ${result.audit.checked.toLocaleString('vi-VN')} bản ghi, chuỗi băm khớp. Mọi phiên đăng nhập đã kết thúc.`}
                action={<Button onClick={loginAgain}>Đăng nhập lại</Button>}
              />
              <Table
                rowKey="name"
                size="small"
                pagination={false}
                dataSource={result.tables}
                columns={[
                  { title: 'Bảng', dataIndex: 'name' },
                  {
                    title: 'Số dòng',
                    dataIndex: 'rows',
                    align: 'right',
                    render: (n: number) => n.toLocaleString('vi-VN'),
                  },
                ]}
              />
            </Space>
          )}
        </Space>
      </Card>
    </Space>
  );
};
