/**
 * The front end's weight as Vite built it: the initial route (index.html's entry chunk and every
 * chunk it imports statically, with their CSS — what any page loads before it can draw), each
 * screen group loaded on demand (the entry's dynamic imports, with what they import beyond the
 * initial set), and the whole app (every JS and CSS file under assets/). Sizes raw and gzipped
 * with zlib at its default level, as a web server would send them.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** A set of files and their sizes. */
export interface FileSetSize {
  label: string;
  files: number;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSize {
  initial: FileSetSize;
  /** Each on-demand chunk of the entry (studio, desk, portal screens…), beyond the initial set. */
  lazy: FileSetSize[];
  whole: FileSetSize;
}

/** The files a chunk loads statically (itself, its static imports, all their CSS), by manifest key. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return new Set();
  seen.add(key);
  const files = new Set([chunk.file, ...(chunk.css ?? [])]);
  for (const imported of chunk.imports ?? []) for (const file of staticClosure(manifest, imported, seen)) files.add(file);
  return files;
}

async function sizeOf(dir: string, label: string, files: Iterable<string>): Promise<FileSetSize> {
  const size: FileSetSize = { label, files: 0, bytes: 0, gzipBytes: 0 };
  for (const file of files) {
    const content = await readFile(join(dir, file));
    size.files += 1;
    size.bytes += content.length;
    size.gzipBytes += gzipSync(content).length;
  }
  return size;
}

/**
 * Reads `<dist>/.vite/manifest.json` (the build writes it) and sizes the initial route, the
 * on-demand chunks and the whole app.
 *
 * @example const { initial } = await measureBundle(designerDistDir); initial.gzipBytes
 */
export async function measureBundle(distDir: string): Promise<BundleSize> {
  const manifest = JSON.parse(await readFile(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error(`No entry chunk in ${distDir}/.vite/manifest.json`);
  const initialFiles = staticClosure(manifest, entryKey);
  const lazy: FileSetSize[] = [];
  for (const key of manifest[entryKey]?.dynamicImports ?? []) {
    const extra = [...staticClosure(manifest, key)].filter((file) => !initialFiles.has(file));
    lazy.push(await sizeOf(distDir, manifest[key]?.src ?? key, extra));
  }
  const assets = (await readdir(join(distDir, 'assets'))).filter((file) => /\.(js|css)$/.test(file)).map((file) => `assets/${file}`);
  return {
    initial: await sizeOf(distDir, 'initial route', initialFiles),
    lazy,
    whole: await sizeOf(distDir, 'whole app', assets),
  };
}
