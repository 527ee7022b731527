import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n';

// Windows offices mostly have Microsoft YaHei; Linux/macOS get Noto CJK / PingFang.
const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** antd in the UI language, with the office look; `AntApp` gives message/modal a context. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { lang } = useLanguage();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      // antd would print two-character buttons as "保 存"; keep the words as written, so the
      // label matches the manuals, screen readers and tests.
      button={{ autoInsertSpace: false }}
      theme={{ algorithm: theme.defaultAlgorithm, token: { fontFamily: FONT_FAMILY, colorPrimary: '#1668dc', borderRadius: 6 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
