// Choose the 3:4 part of a picture to keep: the picture on a canvas, a frame of fixed 3:4 shape that
// is dragged (mouse or finger) and resized by its corner or the slider. The rectangle is sent in the
// picture's own pixels; the server crops and resizes, so what is stored does not depend on the screen.
import { Alert, Modal, Slider, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';

export type CropRect = { x: number; y: number; width: number; height: number };

/** Smallest rectangle the server accepts (member-photo.image.ts). */
const MIN_W = 150;
const MIN_H = 200;
const HANDLE = 22;

const clampRect = (r: CropRect, iw: number, ih: number): CropRect => {
  let height = Math.round(Math.max(MIN_H, Math.min(r.height, ih, Math.floor((iw * 4) / 3))));
  let width = Math.round((height * 3) / 4);
  if (width > iw) {
    width = iw;
    height = Math.round((width * 4) / 3);
  }
  const x = Math.round(Math.min(Math.max(0, r.x), iw - width));
  const y = Math.round(Math.min(Math.max(0, r.y), ih - height));
  return { x, y, width, height };
};

/** The largest 3:4 frame, 90 % of it, in the middle of the picture (faces are mostly there). */
export const initialCrop = (iw: number, ih: number): CropRect => {
  const height = Math.floor(Math.min(ih, (iw * 4) / 3) * 0.9);
  const width = Math.round((height * 3) / 4);
  return clampRect({ x: (iw - width) / 2, y: (ih - height) / 2, width, height }, iw, ih);
};

export const PhotoCropModal = ({
  file,
  saving,
  error,
  onCancel,
  onSave,
}: {
  file: File;
  saving: boolean;
  error: string | null;
  onCancel: () => void;
  onSave: (crop: CropRect) => void;
}) => {
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [rect, setRect] = useState<CropRect | null>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const preview = useRef<HTMLCanvasElement | null>(null);
  const box = useRef<HTMLDivElement | null>(null);
  const [displayWidth, setDisplayWidth] = useState(0);
  const drag = useRef<{ mode: 'move' | 'resize'; dx: number; dy: number } | null>(null);

  useEffect(() => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => {
      // Browsers show (and draw) photos upright by their EXIF orientation; so does the server.
      if (img.naturalWidth < MIN_W || img.naturalHeight < MIN_H) {
        setLoadError(
          `Ảnh chỉ có ${img.naturalWidth} × ${img.naturalHeight} điểm ảnh: cần ít nhất ${MIN_W} × ${MIN_H}.`,
        );
        return;
      }
      setImage(img);
      setRect(initialCrop(img.naturalWidth, img.naturalHeight));
    };
    img.onerror = () => setLoadError('Không mở được ảnh: chỉ nhận ảnh JPEG hoặc PNG.');
    img.src = url;
    return () => {
      // A picture whose address is withdrawn (the effect run again) must not report an error.
      img.onload = null;
      img.onerror = null;
      URL.revokeObjectURL(url);
    };
  }, [file]);

  // The canvas takes the modal's width (phone or desktop), at most 520 px, keeping the picture's shape.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setDisplayWidth(Math.min(520, el.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const scale = image && displayWidth ? displayWidth / image.naturalWidth : 0;

  useEffect(() => {
    const c = canvas.current;
    if (!c || !image || !rect || !scale) return;
    const w = Math.round(image.naturalWidth * scale);
    const h = Math.round(image.naturalHeight * scale);
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(w * ratio);
    c.height = Math.round(h * ratio);
    c.style.width = `${w}px`;
    c.style.height = `${h}px`;
    const g = c.getContext('2d');
    if (!g) return;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.drawImage(image, 0, 0, w, h);
    const rx = rect.x * scale;
    const ry = rect.y * scale;
    const rw = rect.width * scale;
    const rh = rect.height * scale;
    g.fillStyle = 'rgba(0, 0, 0, 0.5)';
    g.fillRect(0, 0, w, ry);
    g.fillRect(0, ry + rh, w, h - ry - rh);
    g.fillRect(0, ry, rx, rh);
    g.fillRect(rx + rw, ry, w - rx - rw, rh);
    g.strokeStyle = '#fff';
    g.lineWidth = 2;
    g.strokeRect(rx, ry, rw, rh);
    // Thirds, to place the eyes and the chin.
    g.strokeStyle = 'rgba(255, 255, 255, 0.5)';
    g.lineWidth = 1;
    for (const k of [1, 2]) {
      g.beginPath();
      g.moveTo(rx + (rw * k) / 3, ry);
      g.lineTo(rx + (rw * k) / 3, ry + rh);
      g.moveTo(rx, ry + (rh * k) / 3);
      g.lineTo(rx + rw, ry + (rh * k) / 3);
      g.stroke();
    }
    g.fillStyle = '#fff';
    g.fillRect(rx + rw - HANDLE / 2, ry + rh - HANDLE / 2, HANDLE / 2, HANDLE / 2);
    const p = preview.current?.getContext('2d');
    if (p) p.drawImage(image, rect.x, rect.y, rect.width, rect.height, 0, 0, 90, 120);
  }, [image, rect, scale]);

  const pointAt = useCallback(
    (e: React.PointerEvent<HTMLCanvasElement>) => {
      const bounds = e.currentTarget.getBoundingClientRect();
      return { x: (e.clientX - bounds.left) / scale, y: (e.clientY - bounds.top) / scale };
    },
    [scale],
  );

  const onDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!image || !rect) return;
    const p = pointAt(e);
    e.currentTarget.setPointerCapture(e.pointerId);
    const near = HANDLE / scale;
    if (
      Math.abs(p.x - (rect.x + rect.width)) < near &&
      Math.abs(p.y - (rect.y + rect.height)) < near
    ) {
      drag.current = { mode: 'resize', dx: 0, dy: 0 };
      return;
    }
    const inside =
      p.x >= rect.x && p.x <= rect.x + rect.width && p.y >= rect.y && p.y <= rect.y + rect.height;
    const start = inside
      ? rect
      : clampRect(
          { ...rect, x: p.x - rect.width / 2, y: p.y - rect.height / 2 },
          image.naturalWidth,
          image.naturalHeight,
        );
    setRect(start);
    drag.current = { mode: 'move', dx: p.x - start.x, dy: p.y - start.y };
  };
  const onMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drag.current || !image || !rect) return;
    const p = pointAt(e);
    const iw = image.naturalWidth;
    const ih = image.naturalHeight;
    if (drag.current.mode === 'move')
      setRect(clampRect({ ...rect, x: p.x - drag.current.dx, y: p.y - drag.current.dy }, iw, ih));
    else {
      const height = Math.min(
        Math.max(p.y - rect.y, ((p.x - rect.x) * 4) / 3),
        ih - rect.y,
        ((iw - rect.x) * 4) / 3,
      );
      setRect(clampRect({ ...rect, height, width: (height * 3) / 4 }, iw, ih));
    }
  };
  const onUp = () => {
    drag.current = null;
  };

  const maxHeight = image
    ? Math.min(image.naturalHeight, Math.floor((image.naturalWidth * 4) / 3))
    : 0;
  const setSize = (height: number) => {
    if (!image || !rect) return;
    const cx = rect.x + rect.width / 2;
    const cy = rect.y + rect.height / 2;
    const width = (height * 3) / 4;
    setRect(
      clampRect(
        { x: cx - width / 2, y: cy - height / 2, width, height },
        image.naturalWidth,
        image.naturalHeight,
      ),
    );
  };

  return (
    <Modal
      open
      title="Cắt ảnh chân dung (tỉ lệ 3 × 4)"
      okText="Lưu ảnh"
      cancelText="Hủy"
      onCancel={onCancel}
      onOk={() => rect && onSave(rect)}
      okButtonProps={{ disabled: !rect, loading: saving, id: 'photo-save' }}
      width={600}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {(loadError || error) && <Alert type="error" showIcon title={loadError ?? error} />}
        <Typography.Text type="secondary">
          Kéo khung để chọn khuôn mặt; kéo góc dưới bên phải hoặc thanh trượt để phóng to, thu nhỏ.
        </Typography.Text>
        <div ref={box} style={{ width: '100%' }}>
          {image && (
            <canvas
              ref={canvas}
              data-testid="photo-crop-canvas"
              aria-label="Vùng cắt ảnh"
              style={{ touchAction: 'none', cursor: 'move', display: 'block', maxWidth: '100%' }}
              onPointerDown={onDown}
              onPointerMove={onMove}
              onPointerUp={onUp}
              onPointerCancel={onUp}
            />
          )}
        </div>
        {image && rect && (
          <Space wrap align="center" style={{ width: '100%' }}>
            <canvas
              ref={preview}
              width={90}
              height={120}
              aria-label="Ảnh sau khi cắt"
              style={{ border: '1px solid #d9d9d9' }}
            />
            <div style={{ minWidth: 200, flex: 1 }}>
              <Typography.Text>Cỡ khung</Typography.Text>
              <Slider
                min={MIN_H}
                max={maxHeight}
                value={rect.height}
                onChange={(v) => setSize(v as number)}
                tooltip={{ formatter: (v) => `${Math.round(((v ?? 0) * 3) / 4)} × ${v} điểm ảnh` }}
                aria-label="Cỡ khung cắt"
              />
              <Typography.Text type="secondary" data-testid="photo-crop-size">
                Vùng giữ lại: {rect.width} × {rect.height} điểm ảnh
              </Typography.Text>
            </div>
          </Space>
        )}
      </Space>
    </Modal>
  );
};
