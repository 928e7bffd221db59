/**
 * Reading a report page the way a person reads it: the figure cards by name, the rows of a
 * table as the texts of their cells, each chart's SVG. Regular expressions over the page the
 * server wrote (it is ours and regular), not a general HTML parser.
 */

const unescape = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`').replace(/&amp;/g, '&');

const cellText = (html: string): string => unescape(html.replace(/<[^>]+>/g, '')).trim();

/** The text of the card `data-figure="name"`, or undefined when the page has none. */
export function figureIn(html: string, name: string): string | undefined {
  const match = new RegExp(`data-figure="${name}">([^<]*)<`).exec(html);
  return match ? cellText(match[1] as string) : undefined;
}

/** The rows of `<table data-table="name">` (header row included), each as its cells' texts. */
export function tableIn(html: string, name: string): string[][] {
  const table = new RegExp(`<table data-table="${name}">([\\s\\S]*?)</table>`).exec(html);
  if (!table) return [];
  return [...(table[1] as string).matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...(row[1] as string).matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cellText(cell[1] as string)));
}

/** The SVG of `<figure data-chart="name">`, or undefined. */
export function chartIn(html: string, name: string): string | undefined {
  const figure = new RegExp(`<figure class="chart" data-chart="${name}">([\\s\\S]*?)</figure>`).exec(html);
  const svg = figure ? /<svg[\s\S]*<\/svg>/.exec(figure[1] as string) : null;
  return svg ? svg[0] : undefined;
}

/** A rate as the report prints it (one decimal, or — for none), like the dashboard's formatRate. */
export function printedRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10} %`;
}
