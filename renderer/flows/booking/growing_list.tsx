import { createElement, type ReactNode, useCallback, useState } from 'react';

/** Rows a long list draws at first: more than a portrait screen shows of it, even in normal-size text. */
export const firstRows = 24;

/**
 * A long list (a department's hundred services, the departments, search results) drawn as far as the resident can
 * see: the first `first` rows (`firstRows` unless the list says fewer), then `firstRows` more at a time as the list
 * scrolls toward its end. Drawing and laying out rows nobody sees yet was
 * most of the time between a tap and the list's step painted. A marker after the last row drawn asks for more
 * when it comes within a screen of the view (so touch scrolling and the keypad's focus, which scrolls the focused
 * row into view, find rows already there); without IntersectionObserver (jsdom) every row is drawn at once.
 *
 * Returns how many rows to draw, and the marker to put after them (null once every row is drawn).
 */
export function useGrowingList(
  total: number,
  markerElement: 'li' | 'div',
  first: number = firstRows,
): { shown: number; marker: ReactNode } {
  // Rows drawn beyond the first `first`: a list that starts empty (search results before the first letter) draws
  // its first rows as soon as it has them, not after a round of the observer.
  const [more, setMore] = useState(() => (typeof IntersectionObserver === 'undefined' ? Infinity : 0));
  // A new marker element for every batch: an observer reports a target once at first, so a marker still in
  // reach after a batch asks for the next one at once.
  const observe = useCallback((marker: HTMLElement | null) => {
    if (!marker) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        setMore((n) => n + firstRows);
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(marker);
    return () => observer.disconnect();
  }, []);
  const drawn = Math.min(first + more, total);
  return {
    shown: drawn,
    marker:
      drawn < total
        ? createElement(markerElement, {
            key: `more-${drawn}`,
            ref: observe,
            className: 'growing-list__more',
            'aria-hidden': true,
            'data-testid': 'more-rows',
          })
        : null,
  };
}
