import { escapeHtml } from './escapeHtml.js';
import { renderPage } from './renderPage.js';

/**
 * The hosted-UI error page shown instead of a redirect (unknown client, `redirect_uri` or `logout_uri` not
 * allowed, missing parameters), with Cognito's wording in `message`.
 */
export function renderErrorPage(message: string, error = 'invalid_request'): string {
  return renderPage(
    'Error',
    `<h1>An error was encountered with the requested page.</h1>
<p class="error" role="alert">${escapeHtml(message)}</p>
<p>error: <code>${escapeHtml(error)}</code></p>`,
  );
}
