import { escapeHtml } from './escapeHtml.js';
import { renderPage } from './renderPage.js';

/** What the hosted-UI sign-in form shows. */
export interface LoginPageContent {
  /** The form's `action`: `/login` with the authorize parameters as query string. */
  action: string;
  /** Pre-filled username (`login_hint`, or what was typed before a failed attempt). */
  username: string;
  /** Error line shown above the form, e.g. "Incorrect username or password.". */
  error: string | undefined;
  /** Display name of the app client. */
  clientName: string;
  lang: string;
}

/** The hosted-UI sign-in page: "Username" and "Password" fields and a "Sign in" button; every value escaped. */
export function renderLoginPage({ action, username, error, clientName, lang }: LoginPageContent): string {
  const alert = error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(error)}</p>\n`;
  return renderPage(
    'Sign in',
    `<h1>Sign in</h1>
<p>to ${escapeHtml(clientName)}</p>
${alert}<form method="post" action="${escapeHtml(action)}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" required value="${escapeHtml(username)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`,
    lang,
  );
}
