// The first-start set-up from the environment (DANGVU_SEED=none), for installations prepared by a
// script; without DANGVU_ROOT_NAME an administrator answers the same questions in the web app
// (Cài đặt → Thiết lập ban đầu). docs/domain/organisation-tree.md.
import { type TFirstStartSetup, ZFirstStartSetup } from '../../contracts/settings';

export const firstStartEnvVars = {
  DANGVU_ROOT_NAME: 'tên tổ chức cấp cao nhất, ví dụ "Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn"',
  DANGVU_ROOT_KIND: 'upper_committee (mặc định), province_committee hoặc grassroots_committee',
  DANGVU_ROOT_ESTABLISHED: 'ngày thành lập, năm-tháng-ngày',
  DANGVU_ROOT_EARLIER:
    'tên trước đây và ngày tên sau có hiệu lực: "Đảng bộ Khối các cơ quan tỉnh Lạng Sơn|2025-02-01"; nhiều tên cách nhau bằng ";"',
  DANGVU_SUPERIOR: 'cấp trên trực tiếp, ví dụ "Đảng bộ tỉnh Lạng Sơn"',
  DANGVU_PLACE: 'địa danh ghi trước ngày tháng của văn bản, ví dụ "Lạng Sơn"',
} as const;

/** The set-up the environment asks for, null when DANGVU_ROOT_NAME is not set; throws in Vietnamese. */
export const firstStartFromEnv = (
  env: Record<string, string | undefined>,
): TFirstStartSetup | null => {
  if (!env.DANGVU_ROOT_NAME?.trim()) return null;
  const earlierNames = (env.DANGVU_ROOT_EARLIER ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [name, until] = part.split('|').map((x) => x.trim());
      return { name, until };
    });
  const parsed = ZFirstStartSetup.safeParse({
    name: env.DANGVU_ROOT_NAME,
    kind: env.DANGVU_ROOT_KIND?.trim() || 'upper_committee',
    establishedOn: env.DANGVU_ROOT_ESTABLISHED?.trim(),
    superiorName: env.DANGVU_SUPERIOR ?? '',
    place: env.DANGVU_PLACE ?? '',
    earlierNames,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field =
      issue.path[0] === 'earlierNames'
        ? 'DANGVU_ROOT_EARLIER'
        : ((
            {
              name: 'DANGVU_ROOT_NAME',
              kind: 'DANGVU_ROOT_KIND',
              establishedOn: 'DANGVU_ROOT_ESTABLISHED',
              superiorName: 'DANGVU_SUPERIOR',
              place: 'DANGVU_PLACE',
            } as Record<string, string>
          )[String(issue.path[0])] ?? String(issue.path[0]));
    throw new Error(`Thiết lập ban đầu không hợp lệ: ${field}: ${issue.message}`);
  }
  return parsed.data;
};
