/** The definitions of one kind the platform can see (own and inherited), one per id, as select options. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { definitionsApi, textOf, type DefinitionSummary, type Kind } from '../../api/definitions';
import { latestPerId } from '../../components/DefinitionIndex';

export function useVisibleDefinitions(kind: Kind): DefinitionSummary[] | undefined {
  const [found, setFound] = useState<DefinitionSummary[] | undefined>(undefined);
  useEffect(() => {
    let isCurrent = true;
    void definitionsApi.list({ kind }).then((all) => isCurrent && setFound(latestPerId(all)));
    return () => {
      isCurrent = false;
    };
  }, [kind]);
  return found;
}

export function useDefinitionOptions(kind: Kind): Array<{ value: string; label: string }> {
  const { i18n } = useTranslation();
  return (useVisibleDefinitions(kind) ?? []).map((d) => ({ value: d.id, label: `${textOf(d.title, i18n.language)} (${d.id})` }));
}
