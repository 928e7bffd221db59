/**
 * Where a drag lands on a canvas of nested lists: of the drop targets under the pointer, the
 * innermost (smallest) one — a field inside a group rather than the group around it. Keyboard
 * drags have no pointer and fall back to the closest centre.
 */
import { closestCenter, pointerWithin, type CollisionDetection } from '@dnd-kit/core';

export const nestedCollision: CollisionDetection = (args) => {
  const under = pointerWithin(args);
  if (under.length === 0) return closestCenter(args);
  const area = (id: string | number) => {
    const rect = args.droppableRects.get(id);
    return rect ? rect.width * rect.height : Number.POSITIVE_INFINITY;
  };
  return [...under].sort((a, b) => area(a.id) - area(b.id));
};
