import { escapeHtml } from './escapeHtml.js';

/** Languages the hosted UI renders (Cognito managed login's `lang` values); others fall back to English. */
const LANGUAGES = new Set(['de', 'en', 'es', 'fr', 'id', 'it', 'ja', 'ko', 'pt-BR', 'zh-CN', 'zh-TW']);

/** The hosted-UI language for a `lang` parameter (default: 'en'). */
export function pageLanguage(lang: string | null | undefined): string {
  return lang !== null && lang !== undefined && LANGUAGES.has(lang) ? lang : 'en';
}

/**
 * Wraps `bodyHtml` (already escaped by the caller) in the hosted-UI page layout; `title` is escaped here.
 */
export function renderPage(title: string, bodyHtml: string, lang = 'en'): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f2f3f3;margin:0;padding:48px 16px;color:#16191f}
main{max-width:360px;margin:0 auto;background:#fff;padding:32px;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:22px;margin:0 0 8px}
.dev{font-size:12px;color:#8a1f11;margin:0 0 20px}
label{display:block;font-weight:600;margin:16px 0 4px}
input{box-sizing:border-box;width:100%;padding:8px;font-size:15px;border:1px solid #879596;border-radius:4px}
button{margin-top:24px;width:100%;padding:10px;font-size:15px;background:#ec7211;color:#fff;border:0;border-radius:4px;cursor:pointer}
.error{background:#fde8e6;color:#8a1f11;padding:8px 12px;border-radius:4px}
</style>
</head>
<body>
<main>
${bodyHtml}
<p class="dev">Cognito emulator — for development only</p>
</main>
</body>
</html>
`;
}
