/**
 * Reports printed to PDF by headless Chromium (decision 0042): the same HTML the browser
 * shows, its CJK text set in the system's Noto CJK fonts, its SVG charts kept as vectors.
 * One browser per server, launched at the first PDF and reused; each PDF gets its own
 * context and page (no script, no network), closed when done, within a time limit. Without
 * Chromium a PDF answers `report.pdf-unavailable` (503) naming what is missing; the HTML
 * version still works and prints from any browser.
 */
import Handlebars from 'handlebars';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { Failure } from '../../http/failure.js';
import type { Services } from '../../services.js';

/** How long one PDF may take, from a fresh page to its last byte. */
export const PDF_TIMEOUT_MS = 30_000;

/**
 * How long the browser stays up after the last PDF. Reports come in bursts (month's end, the
 * yearly assessment); between them the browser's memory goes back, and a server stopped
 * without shutdown hooks (a test's) is not held open by it for long.
 */
export const PDF_IDLE_MS = 5 * 60_000;

/** What every page of the PDF repeats: the report, platform and period on top, 生成时间 and page numbers at the bottom. */
export interface PdfFrame {
  title: string;
  platform: string;
  period: string;
  generatedAt: string;
}

const LAUNCH_ARGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Chromium refuses to start as root with its sandbox on (containers often run as root). The
// pages it prints here run no script and load nothing, which is what the sandbox guards against.
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const escape = (value: string) => Handlebars.escapeExpression(value);

/** Chromium's header and footer templates (it fills the pageNumber and totalPages spans). */
function frameTemplates(frame: PdfFrame): { headerTemplate: string; footerTemplate: string } {
  const style = 'width:100%;margin:0 18mm;font-size:8pt;color:#595959;font-family:"Noto Sans CJK SC",sans-serif;display:flex;justify-content:space-between;';
  return {
    headerTemplate: `<div lang='zh-CN' style='${style}'><span>${escape(frame.platform)} · ${escape(frame.title)}</span><span>统计期间 ${escape(frame.period)}</span></div>`,
    footerTemplate: `<div lang='zh-CN' style='${style}'><span>生成时间 ${escape(frame.generatedAt)}</span><span>第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</span></div>`,
  };
}

function unavailable(executablePath: string, reason: string): Failure {
  const message = `PDF 需要服务器上的 Chromium（${executablePath}）：${reason}。请安装 Chromium（tools/ensure-chromium.sh）或设置 CHROMIUM_PATH；也可打开本报告的 HTML 版本（format=html），在浏览器中打印或另存为 PDF。`;
  return new Failure('report.pdf-unavailable', message, [{ code: 'report.pdf-unavailable', path: '/format', message }], { missing: 'chromium', chromiumPath: executablePath, alternative: 'format=html' });
}

/** Rejects after `ms` with a timeout failure, unless `work` settles first. */
async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Failure('report.pdf-timeout', `The PDF took longer than ${ms / 1000} s; try a shorter period, or print the HTML version.`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** One lazily launched Chromium that prints HTML to PDF. */
export class PdfRenderer {
  private browser: Promise<Browser> | undefined;
  private rendering = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly executablePath: string,
    readonly timeoutMs = PDF_TIMEOUT_MS,
    readonly idleMs = PDF_IDLE_MS,
  ) {}

  /** Closes the browser once no PDF has been asked for in `idleMs`; the timer alone keeps no process alive. */
  private closeWhenIdle(): void {
    clearTimeout(this.idleTimer);
    if (this.rendering > 0) return;
    this.idleTimer = setTimeout(() => {
      if (this.rendering === 0) void this.close();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  /** Whether Chromium is where the configuration says. */
  isAvailable(): boolean {
    return existsSync(this.executablePath);
  }

  /** Throws `report.pdf-unavailable` when Chromium is not where the configuration says. */
  assertAvailable(): void {
    if (!this.isAvailable()) throw unavailable(this.executablePath, '找不到该文件');
  }

  private launch(): Promise<Browser> {
    this.assertAvailable();
    if (this.browser === undefined) {
      const launching = chromium.launch({ executablePath: this.executablePath, args: isRoot ? ['--no-sandbox', ...LAUNCH_ARGS] : LAUNCH_ARGS });
      this.browser = launching;
      launching.then(
        // A crashed or killed browser is launched again at the next PDF.
        (browser) => browser.on('disconnected', () => this.browser === launching && (this.browser = undefined)),
        () => this.browser === launching && (this.browser = undefined),
      );
    }
    return this.browser.catch((error: unknown) => {
      throw unavailable(this.executablePath, `无法启动（${String((error as Error)?.message ?? error).split('\n')[0]}）`);
    });
  }

  /**
   * The HTML document printed on A4 with the frame on every page.
   *
   * @example const pdf = await renderer.render(html, { title: '服务评价报告', platform: '绵阳', period: '2026-10-01 至 2026-10-31', generatedAt: '2026-11-02 09:30' });
   */
  async render(html: string, frame: PdfFrame): Promise<Buffer> {
    this.rendering++;
    clearTimeout(this.idleTimer);
    try {
      return await this.print(html, frame);
    } finally {
      this.rendering--;
      this.closeWhenIdle();
    }
  }

  private async print(html: string, frame: PdfFrame): Promise<Buffer> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      return await within(
        (async () => {
          const page = await context.newPage();
          await page.route('**/*', (route) => route.abort());
          await page.setContent(html, { waitUntil: 'load', timeout: this.timeoutMs });
          await page.emulateMedia({ media: 'print' });
          return page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, ...frameTemplates(frame), margin: { top: '22mm', bottom: '20mm', left: '18mm', right: '18mm' }, preferCSSPageSize: false });
        })(),
        this.timeoutMs,
      );
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  /** Closes the browser, if one was launched; the next PDF launches a new one. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const launched = this.browser;
    this.browser = undefined;
    if (launched) await launched.then((browser) => browser.close()).catch(() => undefined);
  }
}

const renderers = new WeakMap<Services, PdfRenderer>();

/** The PDF renderer of a server (its services), made at first use. */
export function pdfRendererOf(services: Services): PdfRenderer {
  let renderer = renderers.get(services);
  if (renderer === undefined) {
    renderer = new PdfRenderer(services.config.chromiumPath);
    renderers.set(services, renderer);
  }
  return renderer;
}

/** Closes the server's browser at shutdown (nothing when no PDF was made). */
export async function closePdfRenderer(services: Services): Promise<void> {
  await renderers.get(services)?.close();
  renderers.delete(services);
}
