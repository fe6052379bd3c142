import type { IncomingMessage } from 'node:http';
import { repeatedParam } from './repeatedParam.js';

/** Largest request body the emulator reads (64 KiB). */
const MAX_BODY_BYTES = 64 * 1024;

/** Reads the request body as UTF-8; rejects bodies over 64 KiB with an Error. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Whether the request's media type is `type` (parameters such as charset ignored). */
export function hasContentType(req: IncomingMessage, type: string): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === type;
}

/** A form body read as {@link URLSearchParams}, or the reason it is refused. */
export type FormBody = { ok: true; params: URLSearchParams } | { ok: false; reason: string };

/**
 * Reads an `application/x-www-form-urlencoded` body. Refuses another media type, an unreadable body and a
 * parameter given twice (RFC 6749 §3.2: "parameters MUST NOT be included more than once").
 */
export async function readForm(req: IncomingMessage): Promise<FormBody> {
  if (!hasContentType(req, 'application/x-www-form-urlencoded')) {
    return { ok: false, reason: 'Content-Type must be application/x-www-form-urlencoded' };
  }
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'unreadable body' };
  }
  const params = new URLSearchParams(text);
  const repeated = repeatedParam(params);
  if (repeated !== undefined) return { ok: false, reason: `parameter ${repeated} given more than once` };
  return { ok: true, params };
}
