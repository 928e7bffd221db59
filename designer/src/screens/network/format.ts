/** An instant as people in the platform's time zone read it; "—" when there is none. */
export const formatAt = (iso: string | null | undefined, language: string): string =>
  iso ? new Date(iso).toLocaleString(language, { timeZone: 'Asia/Shanghai', hour12: false }) : '—';
