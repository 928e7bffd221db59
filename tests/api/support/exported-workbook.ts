/**
 * A downloaded export read back two ways: with exceljs (sheets, headers, rows of cell texts, as
 * a person opening it sees them) and as the raw XML of every entry of its zip (what any other
 * tool, or a curious reader, would find in the file).
 */
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';

/** One sheet: the header row and the data rows, each as cell texts. */
export interface SheetTexts {
  name: string;
  headers: string[];
  rows: string[][];
}

export interface ExportedWorkbook {
  sheets: SheetTexts[];
  /** The data sheet (the first). */
  data: SheetTexts;
  /** 导出说明 / About: label → value (sentences under '' are joined). */
  about: Map<string, string>;
  /** Every entry of the zip, inflated, as text. */
  xml: Map<string, string>;
  /** The data rows as objects by header. */
  records: Array<Record<string, string>>;
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return value.toISOString().slice(0, 16).replace('T', ' ');
  return cell.text ?? '';
}

function sheetTexts(sheet: ExcelJS.Worksheet): SheetTexts {
  const width = sheet.columnCount;
  const all: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => all.push(Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1)))));
  const [headers = [], ...rows] = all;
  return { name: sheet.name, headers, rows };
}

/** Every entry of a zip, inflated, as UTF-8 text. */
export function zipEntries(bytes: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a zip'));
      const entries = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Reads a downloaded export. */
export async function readExport(bytes: Buffer): Promise<ExportedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = workbook.worksheets.map(sheetTexts);
  const [data, aboutSheet] = sheets;
  if (!data || !aboutSheet) throw new Error(`an export has a data sheet and an about sheet, not ${sheets.map((s) => s.name).join(', ')}`);
  const about = new Map<string, string>([[aboutSheet.headers[0] ?? '', aboutSheet.headers[1] ?? '']]);
  for (const [label = '', value = ''] of aboutSheet.rows) about.set(label, label === '' ? [about.get('') ?? '', value].filter(Boolean).join('\n') : value);
  const records = data.rows.map((row) => Object.fromEntries(data.headers.map((header, i) => [header, row[i] ?? ''])));
  return { sheets, data, about, xml: await zipEntries(bytes), records };
}

/** Every text a workbook holds: each cell of each sheet and each zip entry. */
export function everyText(workbook: ExportedWorkbook): string[] {
  return [...workbook.sheets.flatMap((s) => [s.name, ...s.headers, ...s.rows.flat()]), ...workbook.xml.values()];
}
