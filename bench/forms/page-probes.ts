/**
 * What the benchmark installs in the page before the app's own scripts run, and reads back:
 *
 * - **marks**: `performance.now()` (milliseconds since navigation start) when an element first
 *   matches a selector, checked in a MutationObserver on the whole document;
 * - **keystrokes**: for each keydown on an input, from the event's `timeStamp` to the first
 *   paint after the input's value changed. The value is checked in each animation frame; once
 *   it differs, a MessageChannel task posted from that frame runs right after its paint, and
 *   its `performance.now()` ends the sample (the "rAF + message" after-paint idiom). Only keys
 *   that edit (a character, Backspace, Delete) are measured; one that leaves the value as it
 *   was for 5 s is dropped and counted in `dropped`.
 *
 * The scripts are strings: the bench compiles without the DOM's types.
 */

/** The init script; `__benchWatch` (name → selector) is set by {@link watchScript} before it. */
export const probeScript = `(() => {
  const state = { marks: {}, samples: [], pending: 0, dropped: 0 };
  window.__bench = state;
  const watch = () => window.__benchWatch || {};
  // Disconnected once every selector matched, so it costs the keystrokes measured later nothing.
  const observer = new MutationObserver(() => {
    let isDone = true;
    for (const [name, selector] of Object.entries(watch())) {
      if (state.marks[name] === undefined && document.querySelector(selector)) state.marks[name] = performance.now();
      isDone = isDone && state.marks[name] !== undefined;
    }
    if (isDone) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  addEventListener('keydown', (event) => {
    const input = event.target;
    const isEdit = event.key.length === 1 || event.key === 'Backspace' || event.key === 'Delete';
    if (!isEdit || !input || typeof input.value !== 'string') return;
    const started = event.timeStamp;
    const before = input.value;
    state.pending += 1;
    const frame = () => {
      if (input.value === before) {
        if (performance.now() - started < 5000) return requestAnimationFrame(frame);
        state.pending -= 1;
        state.dropped += 1;
        return;
      }
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        state.samples.push({ id: input.id, key: event.key, ms: performance.now() - started, at: performance.now() });
        state.pending -= 1;
      };
      channel.port2.postMessage(0);
    };
    requestAnimationFrame(frame);
  }, true);
})();`;

/** Sets the selectors to mark, by name, for every document the page opens. */
export function watchScript(selectors: Record<string, string>): string {
  return `window.__benchWatch = ${JSON.stringify(selectors)};`;
}

/** One keystroke as the page measured it. */
export interface KeystrokeSample {
  /** The input's id (rjsf's `root_…`). */
  id: string;
  key: string;
  /** keydown to the paint that showed the changed value. */
  ms: number;
  /** When that paint was, since navigation start. */
  at: number;
}

/** Reads the page's marks and samples (`evaluate` the string). */
export const readProbes = '({ marks: window.__bench.marks, samples: window.__bench.samples, pending: window.__bench.pending, dropped: window.__bench.dropped })';

export interface Probes {
  marks: Record<string, number>;
  samples: KeystrokeSample[];
  pending: number;
  /** Edits whose value never changed (none expected). */
  dropped: number;
}
