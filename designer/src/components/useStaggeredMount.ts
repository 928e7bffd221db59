/**
 * Mounting a large form a part at a time. Drawing 300 fields and a 100-row group in one render
 * kept the page from taking a keystroke for seconds; instead each section and group row waits
 * its turn in one queue (document order, as the effects that enqueue them run). One part mounts
 * at a time, as a transition (so a key typed meanwhile interrupts it), and the next is started
 * only once it has committed: the first section is there at once, the rest follows in small
 * commits, never batched into one long one.
 */
import { startTransition, useEffect, useRef, useState } from 'react';

/** Mounts a waiting part; false when that part is gone (nothing will commit, so move on). */
type Mount = () => boolean;

const queue: Mount[] = [];
let isMounting = false;
const channel = typeof MessageChannel === 'undefined' ? undefined : new MessageChannel();

function mountNext(): void {
  for (let next = queue.shift(); next; next = queue.shift()) {
    let isStarted = false;
    startTransition(() => {
      isStarted = next();
    });
    if (isStarted) return;
  }
  isMounting = false;
}

/** Starts the next part in a task of its own (a message: nested timeouts are clamped to 4 ms each). */
function startNext(): void {
  if (channel) channel.port2.postMessage(null);
  else setTimeout(mountNext, 0);
}
if (channel) channel.port1.onmessage = mountNext;

/** Whether the part may draw its contents yet: at once when not `isStaggered`, else when its turn has come. */
export function useStaggeredMount(isStaggered: boolean): boolean {
  const [isMounted, setMounted] = useState(!isStaggered);
  const [wasStaggered] = useState(isStaggered);
  const isInFlight = useRef(false);
  useEffect(() => {
    if (isMounted) return undefined;
    let isGone = false;
    queue.push(() => {
      if (!isGone) setMounted(true);
      isInFlight.current = !isGone;
      return !isGone;
    });
    if (!isMounting) {
      isMounting = true;
      startNext();
    }
    return () => {
      isGone = true;
      // Gone before its mount committed: that commit will never come, so the queue moves on here.
      if (isInFlight.current) startNext();
    };
    // Enqueued once; once mounted a part stays mounted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    // This part's commit is done: the next one may start.
    if (!isMounted || !wasStaggered) return;
    isInFlight.current = false;
    startNext();
  }, [isMounted, wasStaggered]);
  return isMounted;
}
