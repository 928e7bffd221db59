/**
 * Cross-site request forgery protection for /api (goal C9): a double-submit token plus an
 * Origin / Sec-Fetch-Site check, in front of body parsing, sessions and routes, so a refused
 * request reads no body, touches no session and changes nothing. Decision record 0030.
 *
 * - Every /api answer carries the token cookie `ipsp.csrf` when the request had none: random,
 *   readable by the page's script (not HttpOnly), SameSite=Strict.
 * - A state-changing request (anything but GET, HEAD, OPTIONS) must echo the cookie's value in
 *   the `X-CSRF-Token` header (compared in constant time). A page of another site can neither
 *   read the cookie nor send a custom header without a CORS preflight, which this server never
 *   grants; an HTML form cannot send headers at all.
 * - A browser's `Origin`, when present, must be this server's own origin (from the Host header)
 *   or the configured public URL's; `Sec-Fetch-Site`, when present, must be `same-origin` or `none`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config.js';
import { Failure } from './failure.js';
import { sendProblem } from './problem-response.js';

/** The cookie that carries the token; the page reads it and echoes it in {@link CSRF_HEADER}. */
export const CSRF_COOKIE = 'ipsp.csrf';
/** The request header a state-changing request echoes the token in. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** 32 random bytes as base64url: 43 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The value of cookie `name` in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** The request's token cookie when it has the shape of one this server issues. */
export function tokenOf(req: Request): string | undefined {
  const token = cookieValue(req.headers.cookie, CSRF_COOKIE);
  return token !== undefined && TOKEN_SHAPE.test(token) ? token : undefined;
}

function isSameToken(cookie: string | undefined, header: string | undefined): boolean {
  if (cookie === undefined || header === undefined) return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(header);
  return a.length === b.length && timingSafeEqual(a, b);
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** Why a state-changing request is refused, or undefined when it may go on. */
function refusal(req: Request, token: string | undefined, publicOrigin: string): Failure | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `${req.protocol}://${req.get('host') ?? ''}` && origin !== publicOrigin) {
    return new Failure(
      'csrf.refused',
      `请求来自其他网站（Origin: ${origin}），已拒绝：请在本站页面内操作。The request comes from another site (Origin: ${origin}) and is refused: use this site's own pages.`,
    );
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return new Failure(
      'csrf.refused',
      `浏览器报告请求来自其他网站（Sec-Fetch-Site: ${String(site)}），已拒绝。The browser reports a ${String(site)} request, which is refused: use this site's own pages.`,
    );
  }
  const header = req.headers[CSRF_HEADER];
  if (!isSameToken(token, typeof header === 'string' ? header : undefined)) {
    return new Failure(
      'csrf.refused',
      `缺少或错误的防跨站请求令牌：请把 Cookie ${CSRF_COOKIE} 的值放入请求头 X-CSRF-Token 后重试（可先 GET /api/csrf 取得）。` +
        `The anti-forgery token is missing or wrong: send the value of cookie ${CSRF_COOKIE} in the X-CSRF-Token header (GET /api/csrf issues one).`,
    );
  }
  return undefined;
}

/**
 * The /api middleware: issues the token cookie when missing and refuses a state-changing
 * request without the right token or from a foreign origin with 403 `csrf.refused`.
 */
export function csrfProtection(config: Pick<Config, 'publicUrl' | 'isProduction'>) {
  const publicOrigin = originOf(config.publicUrl);
  return (req: Request, res: Response, next: NextFunction): void => {
    let token = tokenOf(req);
    if (token === undefined) {
      token = randomBytes(32).toString('base64url');
      res.cookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: 'strict', secure: config.isProduction, path: '/' });
    }
    res.locals.csrfToken = token;
    if (SAFE_METHODS.has(req.method)) return next();
    // A request without the cookie is refused even if it made up a matching header: the fresh
    // token above is what it must send next time.
    const failure = refusal(req, tokenOf(req), publicOrigin);
    if (failure) sendProblem(res, failure);
    else next();
  };
}
