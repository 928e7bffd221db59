/**
 * The one way the front end talks to the server: JSON over fetch with the session cookie.
 * A failed call throws ApiError carrying the server's problem+json, so screens can show each
 * problem at its JSON pointer instead of a generic toast.
 */
import type { Problem } from '../../../engine/problem.js';

export type { Problem };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: Problem[],
  ) {
    super(message);
  }
}

/** Screens subscribe to learn that the session ended (401) and the user must sign in again. */
const signedOutListeners = new Set<() => void>();
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

const CSRF_COOKIE = 'ipsp.csrf';
// Typed here rather than through the DOM lib: tests compile this module under the server's settings.
const pageCookies = (): string => (globalThis as unknown as { document: { cookie: string } }).document.cookie;

/**
 * The anti-forgery token every POST, PUT and DELETE echoes in the X-CSRF-Token header: the
 * value of the cookie the server sets on any /api answer, asked for once when not there yet.
 */
export async function csrfToken(): Promise<string> {
  const inCookie = () => pageCookies().split('; ').find((pair) => pair.startsWith(`${CSRF_COOKIE}=`))?.slice(CSRF_COOKIE.length + 1);
  const token = inCookie();
  if (token) return token;
  const response = await fetch('/api/csrf', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  return inCookie() ?? ((await response.json()) as { token: string }).token;
}

async function request<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const isForm = body instanceof FormData;
  // A Blob (a chosen file) goes as its exact bytes: a signed package is verified byte for byte.
  const isBlob = body instanceof Blob;
  const accept = { accept: 'application/json', ...(method === 'GET' ? {} : { 'x-csrf-token': await csrfToken() }), ...extraHeaders };
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined || isForm ? accept : { 'content-type': 'application/json', ...accept },
    body: body === undefined ? undefined : isForm || isBlob ? body : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (!response.ok) {
    const problem = (parsed ?? {}) as { code?: string; detail?: string; problems?: Problem[] };
    if (response.status === 401 && path !== '/api/session') signedOutListeners.forEach((listener) => listener());
    throw new ApiError(response.status, problem.code ?? 'http.' + response.status, problem.detail ?? response.statusText, problem.problems ?? []);
  }
  return parsed as T;
}

/** Whether trying the same keyed request again may help: no answer, a server error, or still in flight. */
function isWorthRetrying(failure: unknown): boolean {
  if (!(failure instanceof ApiError)) return failure instanceof TypeError; // fetch: no answer at all
  return failure.status >= 500 || failure.code === 'idempotency.in-flight';
}

/**
 * POST with an Idempotency-Key (server/http/idempotency.ts): tried up to 4 times with the same
 * key when no answer came, so a submission whose answer was lost is made once and its answer
 * replayed. The caller keeps the key for the user's own retry (see useSubmissionKey).
 */
async function postWithKey<T>(path: string, body: unknown, key: string): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request<T>('POST', path, body, { 'idempotency-key': `"${key}"` });
    } catch (failure) {
      if (attempt >= 3 || !isWorthRetrying(failure)) throw failure;
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  /** POST that is made once however often it is sent: the same `key` on every try of one submission. */
  postWithKey,
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  /** Posts a JSON file unchanged (its bytes, not a re-serialization). */
  postFile: <T>(path: string, file: Blob) => request<T>('POST', path, file),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Builds a path with encoded segments: path`/api/definitions/${kind}/${id}`. */
export function path(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
}
