/**
 * Excel exports of cases and evaluations (server/routes/exports.ts): an address an anchor with
 * `download` fetches with the session cookie, so the browser streams the file to disk and shows
 * its own progress. The server masks ID numbers and phones and records the export in the audit trail.
 */

/** Most rows one export holds (server EXPORT_ROW_LIMIT); beyond it the file's 导出说明 sheet says so. */
export const EXPORT_ROW_LIMIT = 100_000;

export type ExportKind = 'cases' | 'evaluations';

export const exportsApi = {
  /** The download address of an export with its filter (empty values left out) in the interface language. */
  url(kind: ExportKind, filter: Record<string, string | undefined>, language: string): string {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(filter)) if (value) query.set(name, value);
    query.set('lang', language.startsWith('en') ? 'en' : 'zh');
    return `/api/exports/${kind}.xlsx?${query.toString()}`;
  },
};
