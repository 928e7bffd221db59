/**
 * Screens loaded when first shown. Each group (studio, desk, portal, the statistics dashboard)
 * is one module re-exporting its layout and screens, so Vite puts the group in one chunk: the
 * first page of a group loads it, the group's other pages are then there at once. The initial
 * bundle keeps only the shell (router, session, antd's base, the public pages).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// What React.lazy takes: any component, whatever its props (each screen keeps its own prop types).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

/**
 * Named components of a lazily imported module, each a `React.lazy` sharing the one import.
 * When the page opens on one of `paths` (prefixes), the import starts at once, alongside the
 * entry's own work, rather than once React first renders a screen of the group.
 *
 * @example const screen = lazyGroup(() => import('./portal-screens'), ['/portal']); const ApplyPage = screen('ApplyPage');
 */
export function lazyGroup<M extends Record<string, unknown>>(load: () => Promise<M>, paths: string[] = []) {
  const path = typeof window === 'undefined' ? '' : window.location.pathname;
  let loading: Promise<M> | undefined = paths.some((prefix) => path.startsWith(prefix)) ? load() : undefined;
  return <K extends keyof M>(name: K): LazyExoticComponent<M[K] & AnyComponent> =>
    lazy(async () => {
      loading ??= load();
      return { default: (await loading)[name] as M[K] & AnyComponent };
    });
}
