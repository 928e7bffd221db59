/**
 * A real HTTP client for API tests: cookies per client (one per signed-in user), JSON and
 * multipart requests, and every JSON answer checked against the OpenAPI document.
 */
import { checkAgainstOpenApi } from './openapi-check.js';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface UploadFile {
  name: string;
  content: string | Uint8Array;
  type?: string;
}

export class ApiClient {
  private cookie = '';

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    init: { json?: unknown; text?: string | Uint8Array; form?: FormData; headers?: Record<string, string>; isBinary?: boolean } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (this.cookie) headers.cookie = this.cookie;
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
    for (const c of setCookie) this.cookie = c.split(';')[0] as string;
    const contentType = response.headers.get('content-type') ?? '';
    // A download's bytes stay bytes; a problem answer is still JSON.
    const bytes = init.isBinary && !contentType.includes('json') ? Buffer.from(await response.arrayBuffer()) : undefined;
    const text = bytes ? '' : await response.text();
    const parsed = bytes ?? (contentType.includes('json') && text ? JSON.parse(text) : text);
    checkAgainstOpenApi({ method, path, status: response.status, contentType, body: parsed });
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, json?: unknown) {
    return this.request<T>('POST', path, { json: json ?? {} });
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
  postMultipart<T = any>(path: string, fields: Record<string, unknown>, files: Record<string, UploadFile[]> = {}) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
    for (const [key, list] of Object.entries(files)) {
      for (const file of list) form.append(`materials[${key}]`, new Blob([file.content], { type: file.type ?? 'application/pdf' }), file.name);
    }
    return this.request<T>('POST', path, { form });
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
