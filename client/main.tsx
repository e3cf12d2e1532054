import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens, then the base, then the shared controls: every feature's own styles come after them.
import './app/tokens.css';
import './app/styles.css';
import './ui/controls.css';
import { App } from './app/App';
import { createI18n } from './i18n/i18n';

const i18n = createI18n();
document.documentElement.lang = i18n.language;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App i18n={i18n} />
  </StrictMode>,
);
