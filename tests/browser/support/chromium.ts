/**
 * What a browser run needs before any page opens, without mocha: Debian's Chromium and its
 * launch flags, and the front end built into dist/designer (rebuilt when its sources are newer).
 * The browser tests and bench/forms share it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { designerDistDir, projectRoot } from '../../../server/paths.js';

export const chromiumPath = process.env.IPSP_CHROMIUM ?? '/usr/bin/chromium';

/** Newest modification time of any file under `dir`. */
function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}

let isBuilt = false;
/** Builds the front end once per run when dist/designer is missing or older than its sources. */
export async function ensureFrontEndBuilt(): Promise<void> {
  if (isBuilt) return;
  const index = join(designerDistDir, 'index.html');
  const sources = Math.max(newestIn(join(projectRoot, 'designer', 'src')), newestIn(join(projectRoot, 'engine')), statSync(join(projectRoot, 'designer', 'vite.config.ts')).mtimeMs);
  if (!existsSync(index) || statSync(index).mtimeMs < sources) {
    const { build } = await import('vite');
    // Vite sets NODE_ENV=production in the process it builds in; put it back, or every server
    // and CLI the later tests start would run in production mode.
    const nodeEnv = process.env.NODE_ENV;
    try {
      await build({ configFile: join(projectRoot, 'designer', 'vite.config.ts'), logLevel: 'warn' });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  }
  isBuilt = true;
}

/** Chromium headless, as every browser run starts it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
