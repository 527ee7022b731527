import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A section page: its title, optional actions on the right, then the content. */
export function Page({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section className="page">
      <div className="page-head">
        <Typography.Title level={3} className="page-title">
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}
