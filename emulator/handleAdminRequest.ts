import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorControls, Fault, FaultableEndpoint, IdTokenTamper } from './EmulatorControls.js';
import { hasContentType, readBody } from './readBody.js';
import { sendJson } from './send.js';

type Args = Record<string, unknown>;

/** Each control by name, taking its arguments from the JSON body by parameter name. */
const ROUTES: Record<keyof EmulatorControls, (controls: EmulatorControls, args: Args) => unknown> = {
  failNext: (controls, args) =>
    controls.failNext(args.endpoint as FaultableEndpoint, args.count as number, args.fault as Fault),
  rotateSigningKeys: (controls) => controls.rotateSigningKeys(),
  setClockOffsetSeconds: (controls, args) => controls.setClockOffsetSeconds(args.seconds as number),
  requestCounts: (controls) => controls.requestCounts(),
  resetRequestCounts: (controls) => controls.resetRequestCounts(),
  revokeUserSessions: (controls, args) => controls.revokeUserSessions(args.username as string),
  tamperNextIdToken: (controls, args) => controls.tamperNextIdToken(args.tamper as IdTokenTamper),
};

function isLoopback(address: string | undefined): boolean {
  return (
    address !== undefined &&
    (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'))
  );
}

/**
 * The HTTP admin API on the issuer origin, loopback only: `POST /_emulator/{control}` with a JSON body
 * (`Content-Type: application/json`, so that no web page can post to it without a preflight, which is
 * refused). Routes and bodies:
 * - `/_emulator/failNext` `{"endpoint":"token","count":1,"fault":{"status":503,"delayMs":0,"drop":false}}`
 * - `/_emulator/rotateSigningKeys` `{}`
 * - `/_emulator/setClockOffsetSeconds` `{"seconds":301}`
 * - `/_emulator/requestCounts` `{}` → `{"discovery":0,"jwks":1,"authorize":1,…}`
 * - `/_emulator/resetRequestCounts` `{}`
 * - `/_emulator/revokeUserSessions` `{"username":"alice"}`
 * - `/_emulator/tamperNextIdToken` `{"tamper":{"claims":{"aud":"x"},"removeClaims":["iat"],"alg":"none","foreignKey":false}}`
 *
 * Answers 200 `{"ok":true}` (or the counts), 400 `{"error":"…"}` for bad arguments, 404 for an unknown
 * control, 403 for a non-loopback caller, 405 for another method, 415 without the JSON content type.
 */
export async function handleAdminRequest(
  controls: EmulatorControls,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress))
    return sendJson(res, 403, { error: 'the admin API is for loopback callers only' });
  if (!Object.hasOwn(ROUTES, name)) return sendJson(res, 404, { error: `no control ${name}` });
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { allow: 'POST' });
  if (!hasContentType(req, 'application/json'))
    return sendJson(res, 415, { error: 'Content-Type must be application/json' });
  let args: unknown;
  try {
    const text = await readBody(req);
    args = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return sendJson(res, 400, { error: 'body must be a JSON object' });
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args))
    return sendJson(res, 400, { error: 'body must be a JSON object' });
  let result: unknown;
  try {
    result = ROUTES[name as keyof EmulatorControls](controls, args as Args);
  } catch (error) {
    return sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
  sendJson(res, 200, result ?? { ok: true });
}
