import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderErrorPage } from './renderErrorPage.js';
import { sendHtml } from './send.js';

/**
 * Whether a hosted-UI page request (`/oauth2/authorize`, `/login`, `/logout`) uses one of `methods`; otherwise
 * answers Cognito's error page with 405 and `Allow: {methods}`, and returns false.
 */
export function acceptPageMethods(
  req: IncomingMessage,
  res: ServerResponse,
  methods: 'GET' | 'GET, POST',
): boolean {
  if (methods.split(', ').includes(req.method ?? '')) return true;
  sendHtml(res, 405, renderErrorPage('Request method not supported'), { allow: methods });
  return false;
}
