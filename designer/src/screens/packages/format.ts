/** Shared formatting of the packages screen: times in China Standard Time, long hex shortened for tables. */
export const formatTime = (iso: string | null | undefined, language: string): string =>
  iso ? new Date(iso).toLocaleString(language, { timeZone: 'Asia/Shanghai', hour12: false }) : '—';

/** "3f9a0c…d41e": enough to compare at a glance; the full value is in the tooltip and copy. */
export const shortHex = (hex: string, head = 12, tail = 6): string => (hex.length > head + tail + 1 ? `${hex.slice(0, head)}…${hex.slice(-tail)}` : hex);
