/**
 * What an uploaded file really is, judged by its bytes rather than its name or the type the
 * browser claimed: the file's extension must be one we can verify, and its content must be
 * that type (magic bytes by `file-type`; zip-based formats by their central directory, read
 * with `yauzl` without inflating anything). PDFs must carry no active content; archives no
 * bombs, links or paths that climb out. See docs/security.md "Input and files" and decision
 * "upload content checks".
 */
import { fileTypeFromBuffer } from 'file-type';
import { open } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import yauzl from 'yauzl';
import { Failure } from './failure.js';

/** How a zip-based format is recognised: an entry only it has. */
const zipMarkers: Record<string, { entry: RegExp; mediaType: string }> = {
  docx: { entry: /^word\/document\.xml$/, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { entry: /^xl\/workbook\.xml$/, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  // GB/T 33190: an OFD package names its documents in OFD.xml at the root.
  ofd: { entry: /^OFD\.xml$/i, mediaType: 'application/ofd' },
};

/** Extensions judged by magic bytes, with the file-type results each accepts. */
const magicTypes: Record<string, { detected: string[]; mediaType: string }> = {
  pdf: { detected: ['pdf'], mediaType: 'application/pdf' },
  jpg: { detected: ['jpg'], mediaType: 'image/jpeg' },
  jpeg: { detected: ['jpg'], mediaType: 'image/jpeg' },
  png: { detected: ['png'], mediaType: 'image/png' },
  gif: { detected: ['gif'], mediaType: 'image/gif' },
  bmp: { detected: ['bmp'], mediaType: 'image/bmp' },
  tif: { detected: ['tif'], mediaType: 'image/tiff' },
  tiff: { detected: ['tif'], mediaType: 'image/tiff' },
  webp: { detected: ['webp'], mediaType: 'image/webp' },
  // Word 97–2003 and Excel 97–2003 are compound files (CFB); an installer (msi) is one too and is refused.
  doc: { detected: ['cfb', 'doc'], mediaType: 'application/msword' },
  xls: { detected: ['cfb', 'xls'], mediaType: 'application/vnd.ms-excel' },
};

/** Every extension an upload may have: what the server can check by content. Anything else is refused. */
export const checkableExtensions = [...Object.keys(magicTypes), ...Object.keys(zipMarkers)].sort();

/** Archive limits: declared sizes, read from the central directory before anything is inflated. */
export const zipLimits = { maxEntries: 10_000, maxTotalBytes: 200 * 1024 * 1024, maxRatio: 100, ratioFromBytes: 1024 * 1024 };

/** PDF names that run code or carry files; a PDF with any of them is refused. */
const ACTIVE_PDF = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData)\b/;
const MARKUP = /<\s*(script|html|iframe|svg|object|embed)\b/i;

function refuse(reason: string): never {
  throw new Failure('material.content-refused', reason);
}

/** The lower-case extension of a file name, '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(bytes), 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** PDF names may hide letters as #xx escapes (/J#61vaScript); decode them before looking. */
function decodeNames(text: string): string {
  return text.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Refuses a PDF with active content, looking in the raw text and in every Flate stream (where object streams hide dictionaries). */
function checkPdf(bytes: Buffer): void {
  const raw = bytes.toString('latin1');
  const texts = [raw];
  const streams = /stream\r?\n/g;
  for (let match = streams.exec(raw); match !== null; match = streams.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      texts.push(inflateSync(bytes.subarray(start, end), { maxOutputLength: 16 * 1024 * 1024, finishFlush: 2 }).toString('latin1'));
    } catch {
      // Not Flate, or a stream larger than we read: its raw bytes were already searched.
    }
  }
  for (const text of texts) {
    const found = ACTIVE_PDF.exec(decodeNames(text)) ?? MARKUP.exec(text);
    if (found) refuse(`PDF 含有可执行或嵌入内容（${found[0]}），不予接收；请另存为普通 PDF 后上传。The PDF carries active or embedded content (${found[0]}); save it as a plain PDF and upload it again.`);
  }
}

function openZip(source: string | Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: yauzl.ZipFile) => (error || !zip ? reject(error ?? new Error('no archive')) : resolve(zip));
    if (typeof source === 'string') yauzl.open(source, { lazyEntries: true, autoClose: false }, done);
    else yauzl.fromBuffer(source, { lazyEntries: true }, done);
  });
}

/** Refuses an archive whose central directory declares a bomb, a link or a path out; answers its entry names. */
export async function auditZip(source: string | Buffer): Promise<string[]> {
  const zip = await openZip(source).catch(
    (error: unknown) => refuse(`压缩包无法读取或不安全（${(error as Error).message}）。The archive cannot be read or is unsafe (${(error as Error).message}).`),
  );
  const names: string[] = [];
  let total = 0;
  try {
    for await (const entry of entriesOf(zip)) {
      const name = entry.fileName;
      names.push(name);
      const isLink = ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;
      if (isLink) refuse(`压缩包含符号链接“${name}”。The archive holds a symbolic link "${name}".`);
      if (names.length > zipLimits.maxEntries) refuse(`压缩包条目超过 ${zipLimits.maxEntries} 个。The archive holds more than ${zipLimits.maxEntries} entries.`);
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (total > zipLimits.maxTotalBytes || (entry.uncompressedSize > zipLimits.ratioFromBytes && ratio > zipLimits.maxRatio)) {
        refuse(`压缩包解压后过大（压缩炸弹），不予接收。The archive would unpack to too much (${entry.uncompressedSize} bytes from ${entry.compressedSize} in "${name}"): refused as an archive bomb.`);
      }
    }
  } finally {
    zip.close();
  }
  return names;
}

/** The entries of a lazily read zip, one at a time; yauzl's own name checks (absolute, `..`) reject through here. */
async function* entriesOf(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  while (true) {
    const next = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      const onEntry = (entry: yauzl.Entry) => { zip.off('end', onEnd).off('error', onError); resolve(entry); };
      const onEnd = () => { zip.off('entry', onEntry).off('error', onError); resolve(undefined); };
      const onError = (error: Error) => { zip.off('entry', onEntry).off('end', onEnd); reject(error); };
      zip.once('entry', onEntry).once('end', onEnd).once('error', onError);
      zip.readEntry();
    }).catch((error: unknown) => refuse(`压缩包条目不安全（${(error as Error).message}）。An archive entry is unsafe (${(error as Error).message}).`));
    if (next === undefined) return;
    yield next;
  }
}

/**
 * Checks a stored-but-not-yet-accepted file (its temp path) against its name: answers the
 * media type its content proves, or throws `material.content-refused` saying why.
 *
 * @example await inspectUpload('/files/tmp/…part', '申请表.pdf') // 'application/pdf'
 */
export async function inspectUpload(path: string, name: string): Promise<string> {
  const extension = extensionOf(name);
  const allowed = checkableExtensions.join('、');
  if (Object.hasOwn(zipMarkers, extension)) {
    const marker = zipMarkers[extension]!;
    const head = await readHead(path, 4);
    if (head.toString('latin1') !== 'PK\u0003\u0004') refuse(`文件“${name}”的内容不是 ${extension} 文件。The content of "${name}" is not a ${extension} file.`);
    const names = await auditZip(path);
    if (!names.some((n) => marker.entry.test(n))) refuse(`文件“${name}”的内容不是 ${extension} 文件。The content of "${name}" is not a ${extension} file.`);
    return marker.mediaType;
  }
  if (!Object.hasOwn(magicTypes, extension)) {
    refuse(`不接受扩展名为“${extension || '无'}”的文件：只接受可按内容核验的类型（${allowed}）。Files named ".${extension}" are not accepted: only types whose content can be checked (${allowed}).`);
  }
  const type = magicTypes[extension]!;
  const bytes = extension === 'pdf' ? await readWhole(path) : await readHead(path, 4100);
  const detected = await fileTypeFromBuffer(bytes.subarray(0, 4100));
  if (detected === undefined || !type.detected.includes(detected.ext)) {
    const what = detected === undefined ? '无法识别的内容 unrecognised content' : `${detected.ext}（${detected.mime}）`;
    refuse(`文件“${name}”的内容与扩展名不符：实际为 ${what}。The content of "${name}" does not match its extension .${extension}: it is ${what}.`);
  }
  if (extension === 'pdf') checkPdf(bytes);
  return type.mediaType;
}

async function readWhole(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
