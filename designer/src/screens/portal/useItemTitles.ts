/** Titles of the items a platform publishes, by item id (from its public lists), for pickers and labels. */
import { useEffect, useState } from 'react';
import { catalogApi } from '../../api/catalog';

export function useItemTitles(platformId: string | undefined): Record<string, string> {
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!platformId) return;
    catalogApi.platform(platformId).then(
      (catalog) => setTitles(Object.fromEntries(catalog.lists.flatMap((list) => list.rows.map((row) => [row.itemId, row.title])))),
      () => setTitles({}),
    );
  }, [platformId]);
  return titles;
}
