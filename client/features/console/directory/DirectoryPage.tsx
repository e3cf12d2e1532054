import { useTranslation } from 'react-i18next';

// Placeholder until the area is built (issue 6); the area's owner replaces this file.
export default function DirectoryPage() {
  const { t } = useTranslation();
  return <h1 className="console-title">{t('console.directory.title')}</h1>;
}
