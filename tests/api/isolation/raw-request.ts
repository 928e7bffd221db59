/**
 * Requests the ApiClient cannot make: a session cookie sent together with cookies of our own
 * choosing. Answers are still checked against the OpenAPI document.
 */
import { ApiClient, CSRF_HEADER, idempotencyHeaders, type ApiResponse } from '../../support/api-client.js';
import { checkAgainstOpenApi } from '../../support/openapi-check.js';
import { DEMO_PASSWORD } from '../../support/test-server.js';

export async function rawRequest(input: {
  baseUrl: string;
  method: string;
  path: string;
  cookie?: string;
  headers?: Record<string, string>;
  json?: unknown;
}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...(input.headers ?? {}) };
  const cookies = input.cookie ? [input.cookie] : [];
  // A state-changing request carries an anti-forgery token of its own, as the page would.
  if (!['GET', 'HEAD', 'OPTIONS'].includes(input.method.toUpperCase()) && !Object.keys(headers).some((name) => name.toLowerCase() === CSRF_HEADER)) {
    const tokenHolder = new ApiClient(input.baseUrl);
    Object.assign(headers, await tokenHolder.csrfHeaders());
    cookies.push(tokenHolder.cookie);
  }
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key')) Object.assign(headers, idempotencyHeaders(input.method, input.path));
  if (cookies.length > 0) headers.cookie = cookies.join('; ');
  if (input.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${input.baseUrl}${input.path}`, {
    method: input.method,
    headers,
    ...(input.json === undefined ? {} : { body: JSON.stringify(input.json) }),
  });
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text();
  const body: unknown = contentType.includes('json') && text ? JSON.parse(text) : text;
  checkAgainstOpenApi({ method: input.method, path: input.path, status: response.status, contentType, body });
  return { status: response.status, body, headers: response.headers };
}

/** Signs in and returns the session cookie ("ipsp.sid=…"). */
export async function sessionCookie(baseUrl: string, username: string): Promise<string> {
  const response = await rawRequest({ baseUrl, method: 'POST', path: '/api/session', json: { username, password: DEMO_PASSWORD } });
  if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ipsp.sid='));
  if (!cookie) throw new Error(`sign-in of ${username} set no session cookie`);
  return cookie.split(';')[0] as string;
}
