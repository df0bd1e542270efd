// The import's long steps answer as NDJSON: progress lines, then the result or an error.
import type { ImportStreamLine } from '../../../../contracts/imports';
import { ApiError, csrfHeader } from '../../api/client';

export type StreamProgress = { phase: string; done: number; total: number };

export const postStream = async <T>(
  url: string,
  body: unknown,
  onProgress: (p: StreamProgress) => void,
): Promise<T> => {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...csrfHeader() },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  if (!res.ok || !res.body) {
    const data = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(res.status, data.code ?? 'ERROR', data.message ?? 'Có lỗi xảy ra.');
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = JSON.parse(buffer.slice(0, newline)) as ImportStreamLine;
      buffer = buffer.slice(newline + 1);
      if (line.type === 'progress') onProgress(line);
      else if (line.type === 'result') return line.result as T;
      else throw new ApiError(400, line.code, line.message);
      newline = buffer.indexOf('\n');
    }
    if (done) throw new ApiError(500, 'INTERNAL', 'Máy chủ ngắt kết nối giữa chừng. Chưa ghi gì.');
  }
};

/** File → base64 without blowing the stack on large files. */
export const fileToBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
