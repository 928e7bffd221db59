/**
 * Mounting a large form a part at a time. Drawing 300 fields and a 100-row group in one render
 * kept the page from taking a keystroke for seconds; instead each section and group row waits
 * its turn in one queue (document order, as the effects that enqueue them run) and mounts in
 * its own task: the first section is there at once, a key typed meanwhile is handled between
 * two parts, and the rest of the form follows within moments. Not as transitions: React may
 * commit pending transitions out of order, and a part is small enough to render in one go.
 */
import { useEffect, useState } from 'react';

const queue: Array<() => void> = [];
let isScheduled = false;
const channel = typeof MessageChannel === 'undefined' ? undefined : new MessageChannel();

function mountNext(): void {
  isScheduled = false;
  const next = queue.shift();
  if (!next) return;
  next();
  schedule();
}

function schedule(): void {
  if (isScheduled || queue.length === 0) return;
  isScheduled = true;
  // A message, not setTimeout: nested timeouts are clamped to 4 ms each, 110 parts would wait half a second for nothing.
  if (channel) channel.port2.postMessage(null);
  else setTimeout(mountNext, 0);
}
if (channel) channel.port1.onmessage = mountNext;

/** Whether the part may draw its contents yet: at once when not `isStaggered`, else when its turn has come. */
export function useStaggeredMount(isStaggered: boolean): boolean {
  const [isMounted, setMounted] = useState(!isStaggered);
  useEffect(() => {
    if (isMounted) return undefined;
    let isGone = false;
    queue.push(() => {
      if (!isGone) setMounted(true);
    });
    schedule();
    return () => {
      isGone = true;
    };
    // Once mounted it stays mounted; the effect only enqueues the first time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return isMounted;
}
