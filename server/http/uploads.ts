/**
 * Multipart uploads: each material file streams straight into the content-addressed file
 * store (hashed on the way, refused past the size limit), and only its reference goes into
 * the case. Field names are `materials[<key>]`; other fields are plain text (JSON for objects).
 */
import type { Request, RequestHandler, Response } from 'express';
import multer, { type StorageEngine } from 'multer';
import { basename } from 'node:path';
import type { FileRef } from '../../engine/runtime/case.js';
import type { Services } from '../services.js';
import { sendProblem } from './problem-response.js';
import { pointer } from '../../engine/problem.js';
import { Failure } from './failure.js';
import { inspectUpload } from './upload-content.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Uploaded files by material key: bytes stored, rows written with the case. */
    materialFiles?: Record<string, FileRef[]>;
    /** The one file of a `file` upload (POST /api/uploads): bytes stored, row written once accepted. */
    uploadedFile?: FileRef;
  }
}

/**
 * `materials`: files under `materials[<key>]`, any number (applying or acting with files);
 * `file`: exactly one file under `file`, its material named by a text field (upload by reference).
 */
export type UploadMode = 'materials' | 'file';

const MATERIAL_FIELD = /^materials(?:\[([A-Za-z][A-Za-z0-9_]*)\]|\.([A-Za-z][A-Za-z0-9_]*))$/;

/** Control characters, characters Windows refuses in names, and lone surrogate halves. */
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f<>:"|?*]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Bidirectional overrides and invisible characters: "invoice\u202Efdp.exe" shows as "invoiceexe.pdf". */
const INVISIBLE_CHARS = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const MAX_NAME_CHARS = 200;

/**
 * A file name safe to store and show: the last segment of any path (`/` or `\\`), no control,
 * bidi-override or invisible characters, no leading dots, at most 200 characters with the
 * extension kept. The name is only ever shown and sent back: stored bytes are named by digest.
 *
 * @example sanitizeFileName('..\\..\\合同\u202Efdp.exe') // '合同fdp.exe'
 */
export function sanitizeFileName(name: string): string {
  const last = basename(name.replaceAll('\\', '/'));
  const cleaned = last.normalize('NFC').replace(INVISIBLE_CHARS, '').replace(UNSAFE_CHARS, '_').replace(/^[.\s]+/, '').trim();
  const chars = Array.from(cleaned || 'file');
  if (chars.length <= MAX_NAME_CHARS) return chars.join('');
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(cleaned.slice(dot)).slice(0, 16).join('') : '';
  return chars.slice(0, MAX_NAME_CHARS - extension.length).join('') + extension;
}

/** The material key an upload field names, or undefined when the field is not one this mode takes. */
function materialKeyOf(mode: UploadMode, fieldname: string): string | null | undefined {
  if (mode === 'file') {
    // The material is named by a text field, read and checked when the upload is accepted.
    return fieldname === 'file' ? null : undefined;
  }
  const match = MATERIAL_FIELD.exec(fieldname);
  return match ? ((match[1] ?? match[2]) as string) : undefined;
}

function storageEngine(services: Services, mode: UploadMode): StorageEngine {
  return {
    _handleFile(req, file, callback) {
      const materialKey = materialKeyOf(mode, file.fieldname);
      const actor = req.actor;
      if (materialKey === undefined || !actor) {
        file.stream.resume();
        const expected = mode === 'file' ? 'file' : 'materials[<material key>]';
        callback(new Failure('request.upload-field', `Upload field "${file.fieldname}" must be named ${expected}.`));
        return;
      }
      // The file's place is taken as it arrives, so files keep the order they were sent in
      // whichever finishes storing first.
      const materialList = mode === 'materials' ? ((req.materialFiles ??= {})[materialKey as string] ??= []) : [];
      const slot = materialList.push(undefined as unknown as FileRef) - 1;
      const name = sanitizeFileName(file.originalname);
      services.files
        // The content is judged before the bytes are stored: a refused file never lands.
        .putStream(file.stream, { maxBytes: services.config.maxUploadMB * 1024 * 1024, inspect: (tempPath) => inspectUpload(tempPath, name) })
        .then(({ sha256, size, inspected }) => {
          // Only the bytes are stored here; the file's row is written in the transaction that
          // uses it (the case, or the accepted upload), so a failure or a crash leaves no row
          // without its case, and bytes without a row are collected by the worker.
          const ref: FileRef = {
            id: services.newId(),
            name,
            size,
            sha256,
            // The type the content proved, never the one the browser claimed.
            mediaType: inspected ?? 'application/octet-stream',
          };
          if (mode === 'file') req.uploadedFile = ref;
          else materialList[slot] = ref;
          callback(null, { size, filename: ref.id });
        })
        .catch((error: unknown) => callback(atUploadField(error, mode === 'file' ? '/file' : pointer('files', materialKey ?? ''))));
    },
    _removeFile(_req, _file, callback) {
      // Content-addressed bytes may be shared with other uploads; unreferenced ones are collected by the worker.
      callback(null);
    },
  };
}

/** A refusal of the file's content, placed at the field the file came in. */
function atUploadField(error: unknown, path: string): Error {
  if (!(error instanceof Failure) || error.problems.length > 0 || error.code !== 'material.content-refused') return error as Error;
  return new Failure(error.code, error.message, [{ code: error.code, path, message: error.message }]);
}

export function uploadMiddleware(services: Services, mode: UploadMode = 'materials'): RequestHandler {
  const upload = multer({
    storage: storageEngine(services, mode),
    defParamCharset: 'utf8',
    limits: { files: mode === 'file' ? 1 : 50, fields: 20, fieldSize: 2 * 1024 * 1024, fileSize: services.config.maxUploadMB * 1024 * 1024 },
  }).any();
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) {
      next();
      return;
    }
    upload(req, res, (error: unknown) => (error ? sendUploadProblem(res, error, services.config.maxUploadMB) : next()));
  };
}

/** busboy's errors carry no code; they are told apart by their messages. */
function isMalformedMultipart(error: unknown): boolean {
  return error instanceof Error && !('code' in error) && /^(Malformed|Unexpected end of|Multipart: Boundary not found)/.test(error.message);
}

function sendUploadProblem(res: Response, error: unknown, maxMB: number): void {
  const code = (error as { code?: string }).code;
  if (code === 'LIMIT_FILE_SIZE') sendProblem(res, new Failure('file.too-large', `A file is larger than ${maxMB} MB.`));
  else if (typeof code === 'string' && code.startsWith('LIMIT_')) sendProblem(res, new Failure('request.upload-limit', (error as Error).message));
  else if (isMalformedMultipart(error)) {
    // The multipart parser's own refusals (a raw NUL in a part header, a body cut short) are the client's fault.
    const message = `请求的 multipart 内容格式错误（${(error as Error).message}）。The multipart body is malformed (${(error as Error).message}).`;
    sendProblem(res, new Failure('request.multipart', message, [{ code: 'request.multipart', path: '', message }]));
  } else sendProblem(res, error);
}

/**
 * One file held in memory as `req.file`, for uploads read at once and never stored (a
 * workbook to import). Other file fields are refused.
 */
export function memoryUpload(field: string, maxMB: number): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { files: 1, fields: 10, fieldSize: 64 * 1024, fileSize: maxMB * 1024 * 1024 },
  }).single(field);
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) {
      next();
      return;
    }
    upload(req, res, (error: unknown) => (error ? sendUploadProblem(res, error, maxMB) : next()));
  };
}

/** A multipart text field holding JSON, parsed, or undefined when absent. */
export function jsonField(req: Request, name: string): unknown {
  const raw = (req.body as Record<string, unknown> | undefined)?.[name];
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    throw new Failure('request.json-field', `Field "${name}" must hold JSON.`, [{ code: 'request.json-field', path: `/${name}`, message: `Field "${name}" is not valid JSON.` }]);
  }
}
