import { LanguageProvider } from '../i18n';
import { AntdProvider } from './AntdProvider';
import { OfficeGate } from './OfficeGate';

export function App() {
  return (
    <LanguageProvider>
      <AntdProvider>
        <OfficeGate />
      </AntdProvider>
    </LanguageProvider>
  );
}
