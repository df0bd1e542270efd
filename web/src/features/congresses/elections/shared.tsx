import { Tag } from 'antd';

/** dd/mm/yyyy from an ISO date. */
export const vnDate = (iso: string | null | undefined) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';

/** A share (0–1) as "47,4%"; empty when unknown. */
export const percent = (share: number | null | undefined) =>
  share === null || share === undefined
    ? ''
    : `${(Math.round(share * 1000) / 10).toString().replace('.', ',')}%`;

export type Outcome = 'elected' | 'not_elected' | 'tied';
export const OutcomeTag = ({ outcome }: { outcome: Outcome }) =>
  outcome === 'elected' ? (
    <Tag color="green">Trúng cử</Tag>
  ) : outcome === 'tied' ? (
    <Tag color="orange">Bằng phiếu</Tag>
  ) : (
    <Tag>Không trúng cử</Tag>
  );
