import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { matchRoutes, useLocation } from 'react-router';
import { type HelpEntry, helpTexts } from './help-texts';

const routes = Object.keys(helpTexts).map((path) => ({ path }));

/** The guide of the page at this address (the most specific route pattern that matches it). */
export const helpFor = (pathname: string): HelpEntry | undefined => {
  const match = matchRoutes(routes, pathname);
  const path = match?.[match.length - 1]?.route.path;
  return path ? helpTexts[path] : undefined;
};

/** "Hướng dẫn": the header's button that opens the current page's guide in a drawer. */
export const HelpButton = () => {
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const narrow = !Grid.useBreakpoint().md;
  const entry = helpFor(pathname);
  if (!entry) return null;
  return (
    <>
      <Tooltip title="Hướng dẫn sử dụng trang này">
        <Button
          type="text"
          icon={<QuestionCircleOutlined />}
          onClick={() => setOpen(true)}
          aria-label="Hướng dẫn"
          data-testid="help-button"
        >
          {narrow ? null : 'Hướng dẫn'}
        </Button>
      </Tooltip>
      <Drawer
        title={`Hướng dẫn: ${entry.title}`}
        open={open}
        onClose={() => setOpen(false)}
        size={narrow ? '100%' : 460}
        data-testid="help-drawer"
      >
        <Typography.Paragraph>{entry.purpose}</Typography.Paragraph>
        <Typography.Title level={5}>Cách dùng</Typography.Title>
        <ul style={{ paddingInlineStart: 20 }}>
          {entry.steps.map((s) => (
            <li key={s}>
              <Typography.Text>{s}</Typography.Text>
            </li>
          ))}
        </ul>
        {entry.rules && entry.rules.length > 0 && (
          <>
            <Typography.Title level={5}>Căn cứ</Typography.Title>
            <ul style={{ paddingInlineStart: 20 }}>
              {entry.rules.map((r) => (
                <li key={r}>
                  <Typography.Text>{r}</Typography.Text>
                </li>
              ))}
            </ul>
          </>
        )}
        {entry.guide && (
          <Typography.Paragraph type="secondary">
            Hướng dẫn đầy đủ: tài liệu “docs/user-guide/{entry.guide}” đi kèm hệ thống.
          </Typography.Paragraph>
        )}
      </Drawer>
    </>
  );
};
