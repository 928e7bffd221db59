/**
 * The header baseline of every answer (goal C10), set by helmet in front of everything else so
 * API JSON, problems, downloads, the front end and the 404s all carry it. Decision record 0030.
 */
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { Config } from '../config.js';

/** One year, the least HSTS preload lists and ASVS accept. */
const ONE_YEAR_SECONDS = 31_536_000;

/**
 * The Content-Security-Policy of the built studio and portal: scripts and everything else only
 * from this origin; no plugins, no <base>, never framed.
 */
export function contentSecurityDirectives(config: Pick<Config, 'publicUrl'>): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'none'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    // 'unsafe-eval' and no inline script: Ajv (the engine's checks, the rjsf forms) compiles each
    // JSON Schema into a function in the browser; inline and foreign scripts stay refused.
    'script-src': ["'self'", "'unsafe-eval'"],
    'script-src-attr': ["'none'"],
    // antd writes its CSS-in-JS as <style> elements and style attributes.
    'style-src': ["'self'", "'unsafe-inline'"],
    // Previews of an uploaded image or PDF are blob: URLs the page made from the bytes it fetched.
    'img-src': ["'self'", 'data:', 'blob:'],
    'frame-src': ["'self'", 'blob:'],
    'font-src': ["'self'", 'data:'],
    // Behind HTTPS a stray http:// link of a definition is fetched over HTTPS instead.
    ...(config.publicUrl.startsWith('https:') ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** helmet with this deployment's policy: HSTS a year with subdomains, CSP, nosniff, no framing, same-origin referrers. */
export function securityHeaders(config: Pick<Config, 'publicUrl'>) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityDirectives(config) },
    strictTransportSecurity: { maxAge: ONE_YEAR_SECONDS, includeSubDomains: true },
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  });
}

/** Every /api answer may carry personal data: no browser or proxy keeps a copy. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
