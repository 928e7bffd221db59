/**
 * Back-pressure for exceljs' streaming writer. A committed row goes into the sheet's buffer
 * (exceljs StreamBuf), which writes it on into archiver's entry stream without heeding that
 * stream's "full" answer, and the entry is deflated on the thread pool: so a reader that feeds
 * rows faster than the zip compresses them, or than the client downloads them, piles the
 * uncompressed sheet up in memory. After each page the export therefore lets the event loop run
 * and waits while the entry stream or the output is over its high-water mark. The entry stream
 * is exceljs internals (WorksheetWriter.stream.pipes[0], a readable-stream PassThrough); if its
 * shape changes we only lose this wait, and tests/workbook/export-sheet.test.ts fails.
 */
import type { EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';

interface EntryStream extends EventEmitter {
  _writableState?: { needDrain?: boolean };
}

/** The archiver stream the sheet's rows are written into, when exceljs still has that shape. */
function entryStreamOf(sheet: object): EntryStream | undefined {
  const buffer = (sheet as { stream?: { pipes?: unknown[] } }).stream;
  const entry = buffer?.pipes?.[0] as EntryStream | undefined;
  return entry && typeof entry.on === 'function' && entry._writableState ? entry : undefined;
}

/** Resolves at the first of the named events. */
function firstOf(waits: Array<[EventEmitter, string]>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const [emitter, event] of waits) emitter.off(event, done);
      resolve();
    };
    for (const [emitter, event] of waits) emitter.on(event, done);
  });
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Waits until the zip has taken the sheet's rows so far and `output` takes more (or is closed).
 *
 * @example sheet.addRow(values).commit(); … await zipCaughtUp(sheet, res);
 */
export async function zipCaughtUp(sheet: object, output: Writable): Promise<void> {
  await nextTurn();
  const entry = entryStreamOf(sheet);
  while (!output.destroyed && (entry?._writableState?.needDrain === true || output.writableNeedDrain)) {
    await firstOf([...(entry ? ([[entry, 'drain']] as Array<[EventEmitter, string]>) : []), [output, 'drain'], [output, 'close']]);
    await nextTurn();
  }
}
