import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function CrashScreen() {
  const { t } = useTranslation();
  return (
    <div className="crash" role="alert">
      <p>{t('app.crashed')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}

/** A render error shows a way out instead of a blank page; nothing typed elsewhere is touched. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.error(error);
  }
  override render() {
    return this.state.failed ? <CrashScreen /> : this.props.children;
  }
}
