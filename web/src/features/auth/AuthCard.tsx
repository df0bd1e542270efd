import { Card } from 'antd';
import type { ReactNode } from 'react';

/** The centred card of the pages a user sees before the app: login, password, second factor. */
export const AuthCard = ({ width, children }: { width: number; children: ReactNode }) => (
  <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f0eb' }}>
    <Card style={{ width }}>{children}</Card>
  </div>
);
