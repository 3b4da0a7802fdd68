import { type RefObject, useEffect, useState } from 'react';

/**
 * Whether a scrolling area has more below what shows, followed as it scrolls and as its content or size changes:
 * the screen draws a cue ("more below") so nobody misses the last device or job on a long list.
 */
export function useScrollCue(ref: RefObject<HTMLElement | null>): boolean {
  const [more, setMore] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setMore(element.scrollTop + element.clientHeight < element.scrollHeight - 4);
    check();
    element.addEventListener('scroll', check, { passive: true });
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(check);
    resized?.observe(element);
    const changed = typeof MutationObserver === 'undefined' ? null : new MutationObserver(check);
    changed?.observe(element, { childList: true, subtree: true, characterData: true });
    return () => {
      element.removeEventListener('scroll', check);
      resized?.disconnect();
      changed?.disconnect();
    };
  }, [ref]);
  return more;
}
