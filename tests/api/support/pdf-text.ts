/**
 * The text of a PDF that Chromium printed, read from its page content streams through each
 * font's ToUnicode map — enough to check what a report says without a PDF library. It reads
 * what Chromium (Skia) writes: numbered objects, Flate streams, text shown by `<hex> Tj` under
 * `/Fn size Tf`, fonts listed in each page's resources. Not a general PDF reader.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | undefined;
}

/** Every numbered object: its dictionary text and its stream, inflated. */
function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2] as string;
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(Number(match[1]), { dict: body, stream: undefined });
      continue;
    }
    const start = (match.index as number) + match[0].indexOf(body) + at + 'stream'.length + (body[at + 6] === '\r' ? 2 : 1);
    const length = Number(/\/Length (\d+)/.exec(body.slice(0, at))?.[1] ?? 0);
    const raw = pdf.subarray(start, start + length);
    objects.set(Number(match[1]), { dict: body.slice(0, at), stream: body.slice(0, at).includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  return objects;
}

const hexToString = (hex: string): string => {
  const units: number[] = [];
  for (let i = 0; i < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4).padEnd(4, '0'), 16));
  return String.fromCharCode(...units);
};

/** A ToUnicode CMap: code (hex, as the content stream writes it) → text, and the code width in hex digits. */
function cmapOf(source: string): { width: number; codes: Map<string, string> } {
  const width = (/begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(source)?.[1] ?? '00').length;
  const codes = new Map<string, string>();
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of (block[1] as string).matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) codes.set((pair[1] as string).toUpperCase(), hexToString(pair[2] as string));
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of (block[1] as string).matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const [lo, hi, first] = [parseInt(range[1] as string, 16), parseInt(range[2] as string, 16), parseInt(range[3] as string, 16)];
      for (let code = lo; code <= hi; code++) codes.set(code.toString(16).toUpperCase().padStart(width, '0'), String.fromCodePoint(first + code - lo));
    }
  }
  return { width, codes };
}

/** Simplified forms among the CJK radicals (U+2E80–U+2EFF), which have no NFKC mapping. */
const RADICAL_FORMS: Record<string, string> = { '⻅': '见', '⻚': '页', '⻓': '长', '⻔': '门', '⻢': '马', '⻛': '风', '⻜': '飞', '⻋': '车', '⻉': '贝', '⻄': '西', '⻘': '青', '⻥': '鱼', '⻦': '鸟', '⻩': '黄', '⻬': '齐', '⻰': '龙', '⻝': '食', '⻨': '麦' };

/**
 * Noto CJK draws an ideograph and its radical with one glyph, and Chromium's ToUnicode names
 * the glyph by the lowest code point (⽣ for 生, ⻚ for 页): read them as people read them.
 */
function asIdeographs(text: string): string {
  return text.replace(/[\u2e80-\u2fdf]/g, (radical) => RADICAL_FORMS[radical] ?? radical.normalize('NFKC'));
}

/** The pages of the PDF in order, each as the text its content shows. */
export function pdfPages(pdf: Buffer): string[] {
  const objects = objectsOf(pdf);
  const pages = [...objects.values()].filter((o) => /\/Type \/Page\b(?!s)/.test(o.dict));
  return pages.map((page) => {
    const fonts = new Map<string, ReturnType<typeof cmapOf>>();
    const fontList = /\/Font <<([\s\S]*?)>>/.exec(page.dict)?.[1] ?? '';
    for (const entry of fontList.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(entry[2]))?.dict ?? '')?.[1];
      const stream = toUnicode === undefined ? undefined : objects.get(Number(toUnicode))?.stream;
      if (stream) fonts.set(entry[1] as string, cmapOf(stream.toString('latin1')));
    }
    const contentIds = [.../\/Contents (?:\[([^\]]*)\]|(\d+) 0 R)/.exec(page.dict)?.slice(1).join(' ').matchAll(/(\d+)/g) ?? []].map((m) => Number(m[1]));
    const content = contentIds.map((id) => objects.get(id)?.stream?.toString('latin1') ?? '').join('\n');
    let font: ReturnType<typeof cmapOf> | undefined;
    let text = '';
    for (const token of content.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)> ?Tj|\[([^\]]*)\] ?TJ|(ET)/g)) {
      if (token[1] !== undefined) font = fonts.get(token[1]);
      else if (token[4] !== undefined) text += '\n';
      else {
        const hex = (token[2] ?? [...(token[3] ?? '').matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => m[1]).join('')).toUpperCase();
        if (font === undefined) continue;
        for (let i = 0; i < hex.length; i += font.width) text += font.codes.get(hex.slice(i, i + font.width)) ?? '';
      }
    }
    return asIdeographs(text);
  });
}
