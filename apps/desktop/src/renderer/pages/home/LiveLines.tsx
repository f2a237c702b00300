// The lines of home's two live cards: a plain list with antd's divider colour and spacing. antd's List
// is deprecated in antd 6 and brings Pagination and Select (Select's virtual list) into the window's
// first load; these cards show at most eight lines and never page.
import type { ReactNode } from 'react';
import { theme } from 'antd';

export function LiveLines<T extends { livingid: string }>({
  items,
  line,
  testId,
}: {
  items: readonly T[];
  line: (item: T) => ReactNode;
  testId?: (item: T) => string;
}) {
  const { token } = theme.useToken();
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item, index) => (
        <li
          key={item.livingid}
          data-testid={testId?.(item)}
          style={{
            padding: `${token.paddingXS}px 0`,
            borderTop: index === 0 ? undefined : `1px solid ${token.colorSplit}`,
          }}
        >
          {line(item)}
        </li>
      ))}
    </ul>
  );
}
