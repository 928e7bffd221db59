/**
 * Upload checks against the checklist: the material exists, and each file has an accepted type
 * and size, and no more files than allowed. Runs before anything is recorded on the case.
 */
import type { Checklist } from '../kinds/checklist.js';
import { pointer, type Problem } from '../problem.js';
import type { FileRef } from '../runtime/case.js';
import { didYouMean } from '../suggest.js';

/** Files per material when the checklist does not say. */
export const DEFAULT_MAX_FILES = 5;

const BYTES_PER_MB = 1024 * 1024;

/**
 * Problems with uploaded files, with paths `/files/<key>` and `/files/<key>/<i>`.
 * Codes: material.unknown, material.file-type, material.file-size, material.too-many-files.
 *
 * @example
 * checkUploads({ checklist, files: { idCard: [{ id: 'f1', name: 'id.exe', size: 10, sha256: '…', mediaType: '' }] } });
 * // [{ code: 'material.file-type', path: '/files/idCard/0', … }]
 */
export function checkUploads(args: { checklist: Checklist; files: Record<string, FileRef[]> }): Problem[] {
  const materials = new Map(args.checklist.materials.map((m) => [m.key, m]));
  const problems: Problem[] = [];
  for (const [key, files] of Object.entries(args.files)) {
    const material = materials.get(key);
    if (material === undefined) {
      const hint = didYouMean(key, materials.keys());
      problems.push({
        code: 'material.unknown',
        path: pointer('files', key),
        message: `Checklist "${args.checklist.id}" has no material "${key}".${hint.text}`,
        ...(hint.suggestion === undefined ? {} : { suggestion: hint.suggestion }),
      });
      continue;
    }
    const maxFiles = material.maxFiles ?? DEFAULT_MAX_FILES;
    if (files.length > maxFiles) {
      problems.push({
        code: 'material.too-many-files',
        path: pointer('files', key),
        message: `${material.name}最多上传 ${maxFiles} 个文件，本次为 ${files.length} 个；请合并或删减后重新上传。`,
      });
    }
    files.forEach((file, i) => {
      const extension = extensionOf(file.name);
      if (!material.fileTypes.includes(extension)) {
        problems.push({
          code: 'material.file-type',
          path: pointer('files', key, i),
          message: `${material.name}不接受文件“${file.name}”的类型；可上传：${material.fileTypes.join('、')}。`,
        });
      }
      if (file.size > material.maxSizeMB * BYTES_PER_MB) {
        problems.push({
          code: 'material.file-size',
          path: pointer('files', key, i),
          message: `${material.name}的文件“${file.name}”超过 ${material.maxSizeMB} MB；请压缩后重新上传。`,
        });
      }
    });
  }
  return problems;
}

/** The lower-case extension of a file name, '' when it has none. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}
