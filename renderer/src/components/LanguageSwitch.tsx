import { Segmented } from 'antd';
import { useLanguage, useT, type Lang } from '../i18n';

// Each language is named in itself, so someone who cannot read the current one still finds it.
const OPTIONS: { label: string; value: Lang }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'English', value: 'en' },
];

export function LanguageSwitch() {
  const { lang, setLang } = useLanguage();
  const t = useT();
  return <Segmented<Lang> aria-label={t('lang.label')} options={OPTIONS} value={lang} onChange={setLang} />;
}
