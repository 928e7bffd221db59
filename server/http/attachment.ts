/**
 * Headers of every file the server sends back (materials, packages, workbooks): always a
 * download, never a page. The browser saves it under its own name (RFC 6266, with the UTF-8
 * name per RFC 5987 so Chinese names survive), does not guess another type (nosniff), and
 * would run nothing in it even if opened in place (a sandbox CSP with no sources).
 */
import type { Response } from 'express';

/** Types a stored file may be served as; anything else (text/html, image/svg+xml …) goes out as bytes. */
const SERVABLE = /^(application\/(pdf|json|msword|vnd\.ms-excel|ofd|vnd\.openxmlformats-officedocument\.(wordprocessingml\.document|spreadsheetml\.sheet))|image\/(jpeg|png|gif|bmp|tiff|webp))(;|$)/;

/** The Content-Security-Policy of a download: no sources at all, and a sandbox (keeping goal C10's base-uri and frame-ancestors). */
export const DOWNLOAD_CSP = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; sandbox";

/** `%`-encodes a UTF-8 value as RFC 5987 `ext-value` allows (attr-char only). */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An ASCII stand-in for old clients: non-ASCII, quotes, backslashes and controls become `_`. */
function asciiFallback(name: string): string {
  return name.replace(/[^\x20-\x7e]|["\\]/g, '_');
}

/**
 * The Content-Disposition of a download named `fileName`.
 *
 * @example contentDisposition('申请表.pdf') // `attachment; filename="___.pdf"; filename*=UTF-8''%E7%94%B3%E8%AF%B7%E8%A1%A8.pdf`
 */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/** Sets the download headers; `mediaType` is kept only when it is a type we serve, else bytes. */
export function setAttachmentHeaders(res: Response, input: { fileName: string; mediaType: string; size?: number }): void {
  res.setHeader('Content-Type', SERVABLE.test(input.mediaType) ? input.mediaType : 'application/octet-stream');
  if (input.size !== undefined) res.setHeader('Content-Length', String(input.size));
  res.setHeader('Content-Disposition', contentDisposition(input.fileName));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', DOWNLOAD_CSP);
  res.setHeader('Cache-Control', 'private, no-store');
}
