/**
 * The benchmark's HTTP client: one keep-alive connection, a cookie jar, the anti-forgery token
 * echoed on every state-changing request, as the studio's own front end sends them. Plain
 * node:http (not fetch), so the client process spends as little CPU as it can on each call:
 * on this 2-core machine the client shares the cores with the servers it measures.
 */
import { Agent, request } from 'node:http';

/** The answer to one request: status and the parsed JSON body (undefined when empty). */
export interface BenchAnswer {
  status: number;
  body: unknown;
  text: string;
}

const CSRF_COOKIE = 'ipsp.csrf';

export class BenchClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 }) /* per host and port: one connection to each server */;
  private readonly cookies = new Map<string, string>();
  private readonly urls: URL[];
  private turn = 0;

  /** With several base URLs (server processes on one database), requests take them in turn, as a round-robin proxy would. */
  constructor(baseUrls: string | string[]) {
    this.urls = (Array.isArray(baseUrls) ? baseUrls : [baseUrls]).map((url) => new URL(url));
  }

  /** GET /api/csrf for the token cookie, then signs in; throws unless the server answers 200. */
  async signIn(username: string, password: string): Promise<void> {
    await this.send('GET', '/api/csrf');
    const answer = await this.send('POST', '/api/session', { username, password });
    if (answer.status !== 200) throw new Error(`Sign-in of ${username} answered ${answer.status}: ${answer.text}`);
  }

  /**
   * Sends a JSON request with the cookies and, unless GET, the CSRF header; records cookies set.
   * A kept-alive connection the server closed while idle is retried once on a new one (Node's
   * documented pattern: the request never reached the server).
   */
  async send(method: string, path: string, json?: unknown, extraHeaders: Record<string, string> = {}): Promise<BenchAnswer> {
    try {
      return await this.sendOnce(method, path, json, extraHeaders);
    } catch (error) {
      if ((error as { isReusedSocketReset?: boolean }).isReusedSocketReset) return this.sendOnce(method, path, json, extraHeaders);
      throw error;
    }
  }

  private sendOnce(method: string, path: string, json: unknown, extraHeaders: Record<string, string>): Promise<BenchAnswer> {
    const body = json === undefined ? undefined : JSON.stringify(json);
    const headers: Record<string, string> = { ...extraHeaders, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (method !== 'GET') headers['x-csrf-token'] = this.cookies.get(CSRF_COOKIE) ?? '';
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const url = this.urls[this.turn++ % this.urls.length] as URL;
    return new Promise((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, method, path, headers, agent: this.agent }, (res) => {
        this.remember(res.headers['set-cookie']);
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const isJson = String(res.headers['content-type'] ?? '').includes('json') && text !== '';
          resolve({ status: res.statusCode ?? 0, body: isJson ? JSON.parse(text) : undefined, text });
        });
        res.on('error', reject);
      });
      req.on('error', (error: NodeJS.ErrnoException) => reject(Object.assign(error, { isReusedSocketReset: req.reusedSocket && error.code === 'ECONNRESET' })));
      req.end(body);
    });
  }

  private remember(setCookies: string[] | undefined): void {
    for (const line of setCookies ?? []) {
      const pair = line.split(';', 1)[0] ?? '';
      const at = pair.indexOf('=');
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  close(): void {
    this.agent.destroy();
  }
}
