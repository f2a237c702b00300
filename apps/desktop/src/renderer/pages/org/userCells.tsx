// Cell renderers of the users table in plain elements: a first page puts ~25 rows x 5 cells in the
// DOM at once, and antd's Typography/Tag/Tooltip per cell (each with its theme and style hooks, a
// tooltip with its trigger) cost more than the rest of the render. These look the same, from the token.
import type { CSSProperties } from 'react';
import type { GlobalToken } from 'antd';
import type { UserStatus } from '../../stores/org.ts';

export interface UserCellStyles {
  name: CSSProperties;
  userid: CSSProperties;
  status: Record<UserStatus, CSSProperties>;
}

export function userCellStyles(token: GlobalToken): UserCellStyles {
  const tag = (color: string, background: string, border: string): CSSProperties => ({
    display: 'inline-block',
    padding: '0 7px',
    fontSize: token.fontSizeSM,
    lineHeight: `${token.lineHeightSM * token.fontSizeSM}px`,
    borderRadius: token.borderRadiusSM,
    border: `${token.lineWidth}px solid ${border}`,
    color,
    background,
    whiteSpace: 'nowrap',
  });
  return {
    name: { fontWeight: token.fontWeightStrong },
    userid: {
      fontFamily: token.fontFamilyCode,
      fontSize: '85%',
      padding: '0.2em 0.4em',
      margin: '0 0.2em',
      background: 'rgba(150, 150, 150, 0.1)',
      border: '1px solid rgba(100, 100, 100, 0.2)',
      borderRadius: 3,
    },
    status: {
      1: tag(token.colorSuccessText, token.colorSuccessBg, token.colorSuccessBorder),
      2: tag(token.colorErrorText, token.colorErrorBg, token.colorErrorBorder),
      4: tag(token.colorWarningText, token.colorWarningBg, token.colorWarningBorder),
      5: tag(token.colorText, token.colorFillQuaternary, token.colorBorder),
    },
  };
}
