/**
 * A real HTTP client for API tests: cookies per client (one per signed-in user), JSON and
 * multipart requests, and every JSON answer checked against the OpenAPI document.
 */
import { randomUUID } from 'node:crypto';
import { checkAgainstOpenApi } from './openapi-check.js';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  /** The body exactly as received ('' for a binary download), to compare answers byte for byte. */
  text?: string;
}

export interface UploadFile {
  name: string;
  content: string | Uint8Array;
  type?: string;
}

/** The anti-forgery cookie the server issues and the header a state-changing request echoes it in (server/http/csrf.ts). */
export const CSRF_COOKIE = 'ipsp.csrf';
export const CSRF_HEADER = 'x-csrf-token';
const lowerCased = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
const isStateChanging = (method: string): boolean => !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

/**
 * POST /api/cases requires an Idempotency-Key (server/http/idempotency.ts): a fresh one per call
 * unless the caller passes its own (to retry) or null (to test the refusal).
 */
function automaticIdempotencyKey(method: string, path: string): string | null {
  return method.toUpperCase() === 'POST' && path.split('?')[0] === '/api/cases' ? randomUUID() : null;
}

/** The Idempotency-Key header a request of `method` to `path` needs, if any (for requests made without an ApiClient). */
export function idempotencyHeaders(method: string, path: string): Record<string, string> {
  const key = automaticIdempotencyKey(method, path);
  return key === null ? {} : { 'idempotency-key': `"${key}"` };
}

export class ApiClient {
  /** The cookie jar: name → value, as the server last set them. */
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** The Cookie header this client sends. */
  get cookie(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /**
   * The headers a state-changing request of this client needs besides its cookies: the
   * anti-forgery token, fetched first (GET /api/csrf) when the server has not issued one yet.
   */
  async csrfHeaders(): Promise<Record<string, string>> {
    if (!this.cookies.has(CSRF_COOKIE)) await this.request('GET', '/api/csrf');
    return { [CSRF_HEADER]: this.cookies.get(CSRF_COOKIE) ?? '' };
  }

  async request<T = any>(
    method: string,
    path: string,
    init: { json?: unknown; text?: string | Uint8Array; form?: FormData; headers?: Record<string, string>; isBinary?: boolean; idempotencyKey?: string | null } = {},
  ): Promise<ApiResponse<T>> {
    // A header given by the caller wins, so a test can send a wrong token on purpose.
    const headers: Record<string, string> = { ...(isStateChanging(method) ? await this.csrfHeaders() : {}), ...lowerCased(init.headers ?? {}) };
    if (this.cookie) headers.cookie = this.cookie;
    const key = init.idempotencyKey === undefined ? automaticIdempotencyKey(method, path) : init.idempotencyKey;
    // A raw header given by the caller (e.g. a malformed key) is sent as is.
    if (key !== null && !('idempotency-key' in headers)) headers['idempotency-key'] = `"${key}"`;
    let body: string | Uint8Array | FormData | undefined;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.text !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = init.text;
    } else if (init.form) {
      body = init.form;
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const setCookie = response.headers.getSetCookie();
    for (const c of setCookie) {
      const pair = c.split(';')[0] as string;
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      // A cleared cookie (empty value) leaves the jar, as a browser drops it.
      if (value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const contentType = response.headers.get('content-type') ?? '';
    // A download's bytes stay bytes; a problem answer is still JSON.
    const bytes = init.isBinary && !contentType.includes('json') ? Buffer.from(await response.arrayBuffer()) : undefined;
    const text = bytes ? '' : await response.text();
    const parsed = bytes ?? (contentType.includes('json') && text ? JSON.parse(text) : text);
    checkAgainstOpenApi({ method, path, status: response.status, contentType, body: parsed });
    return { status: response.status, body: parsed as T, headers: response.headers, text };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }

  /** POST of JSON; `options.idempotencyKey` sends that key (null: none; default: automatic on POST /api/cases). */
  post<T = any>(path: string, json?: unknown, options: { idempotencyKey?: string | null } = {}) {
    return this.request<T>('POST', path, { json: json ?? {}, ...options });
  }

  /** POST of text exactly as given (e.g. a package file, byte for byte), as application/json. */
  postText<T = any>(path: string, text: string | Uint8Array) {
    return this.request<T>('POST', path, { text });
  }

  put<T = any>(path: string, json: unknown) {
    return this.request<T>('PUT', path, { json });
  }

  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** multipart/form-data: text fields (objects as JSON) and files per material key. */
  postMultipart<T = any>(path: string, fields: Record<string, unknown>, files: Record<string, UploadFile[]> = {}, options: { idempotencyKey?: string | null } = {}) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
    for (const [key, list] of Object.entries(files)) {
      for (const file of list) form.append(`materials[${key}]`, new Blob([file.content], { type: file.type ?? 'application/pdf' }), file.name);
    }
    return this.request<T>('POST', path, { form, ...options });
  }

  /** GET of a file: the body is a Buffer, or the parsed problem when the answer is JSON. */
  download<T = any>(path: string) {
    return this.request<T>('GET', path, { isBinary: true });
  }

  /** multipart/form-data with one file under `field`, e.g. a workbook to import. */
  postFile<T = any>(path: string, field: string, file: UploadFile) {
    const form = new FormData();
    form.append(field, new Blob([file.content], { type: file.type ?? 'application/octet-stream' }), file.name);
    return this.request<T>('POST', path, { form });
  }

  async signIn(username: string, password: string): Promise<ApiResponse> {
    const response = await this.post('/api/session', { username, password });
    if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }
}
