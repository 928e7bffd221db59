/** The colour of each registry status, the same in the tree and the platform's detail. */
export const STATUS_COLORS: Record<string, string> = { applied: 'gold', approved: 'blue', accepted: 'cyan', listed: 'green', delisted: 'red' };
