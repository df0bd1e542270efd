// TEMPORARY page (/dai-hoi-bau-cu/:id) that mounts the two panels until the congress page (the
// `congress` slice) mounts them in its tabs; remove it and its route then.
import { Card, Tabs } from 'antd';
import { useParams } from 'react-router';
import { CongressDelegatesPanel } from './CongressDelegatesPanel';
import { CongressElectionsPanel } from './CongressElectionsPanel';

export const CongressElectionsPage = () => {
  const id = Number(useParams().id);
  return (
    <Card title="Đại hội: bầu cử và đại biểu">
      <Tabs
        items={[
          { key: 'bau-cu', label: 'Bầu cử', children: <CongressElectionsPanel congressId={id} /> },
          {
            key: 'dai-bieu',
            label: 'Đại biểu',
            children: <CongressDelegatesPanel congressId={id} />,
          },
        ]}
      />
    </Card>
  );
};
