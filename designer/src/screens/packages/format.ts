/** "3f9a0c…d41e": enough to compare at a glance; the full value is in the tooltip and copy. */
export const shortHex = (hex: string, head = 12, tail = 6): string => (hex.length > head + tail + 1 ? `${hex.slice(0, head)}…${hex.slice(-tail)}` : hex);
