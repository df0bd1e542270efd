// PDF from the DOCX by LibreOffice (CONTRIBUTING.md, Conventions: LibreOffice when installed, a
// plain message when not). Each conversion gets its own profile directory, so two conversions at the
// same time (or a desktop LibreOffice of the same user) do not block each other.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { AppError } from '../../platform/errors';

const run = promisify(execFile);

const candidates = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'];

/** The LibreOffice executable, or null when it is not installed. */
export const findSoffice = (): string | null => {
  const fromEnv = process.env.DANGVU_SOFFICE;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return candidates.find((c) => existsSync(c)) ?? null;
};

export const pdfUnavailableMessage =
  'Máy chủ chưa cài LibreOffice nên chưa xuất được tệp PDF. Hãy tải bản DOCX, hoặc nhờ quản trị viên cài gói libreoffice-writer-nogui.';

export const convertDocxToPdf = async (docx: Buffer): Promise<Buffer> => {
  const soffice = findSoffice();
  if (!soffice) throw new AppError('UNAVAILABLE', { message: pdfUnavailableMessage });
  const dir = await mkdtemp(path.join(tmpdir(), 'dangvu-pdf-'));
  try {
    const input = path.join(dir, 'bao-cao.docx');
    await writeFile(input, docx);
    await run(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      { timeout: 120_000 },
    );
    return await readFile(path.join(dir, 'bao-cao.pdf'));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('INTERNAL', {
      message: 'LibreOffice không chuyển được báo cáo sang PDF. Hãy thử lại hoặc tải bản DOCX.',
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
