import { memo, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A region whose content may not fit (large text, a long list): it scrolls, and while something is out of sight a
 * visible cue says where ("More below" / "More above") — content is never cut off without a sign. The keypad's
 * focus scrolls the focused action into view by itself (focus_manager.ts).
 */
export function ScrollArea({ className, children }: { className: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<{ above: boolean; below: boolean }>({ above: false, below: false });

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const above = el.scrollTop > 1;
    const below = el.scrollTop + el.clientHeight < el.scrollHeight - 1;
    setHidden((previous) =>
      previous.above === above && previous.below === below ? previous : { above, below },
    );
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // No measuring here: reading the sizes in an effect forces a layout of the whole new step before it is painted
    // (a step change's effects run before the frame), and the cue's state change redraws it a second time. A
    // ResizeObserver reports every observed box once after the frame's own layout (and at every change after),
    // so the cue follows one frame later at no cost. Without one (jsdom) the area is measured at once.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    if (!observer) measure();
    observer?.observe(el);
    for (const child of Array.from(el.children)) observer?.observe(child);
    // What the area holds changes under it (a flow's next stage): the new blocks are watched instead, so one that
    // grows afterwards (a photo decoded after the stage is drawn) still brings the cue. Each is reported once when
    // first watched, and at every change of its size after.
    const added =
      observer &&
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of Array.from(record.removedNodes))
            if (node instanceof Element) observer.unobserve(node);
          for (const node of Array.from(record.addedNodes))
            if (node instanceof Element) observer.observe(node);
        }
      });
    added?.observe(el, { childList: true });
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      added?.disconnect();
      observer?.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, [measure]);

  return (
    <div className="scroll-area">
      <div ref={ref} className={`scroll-area__content ${className}`} data-scroll-area="">
        {children}
      </div>
      {hidden.below || hidden.above ? <ScrollCue below={hidden.below} /> : null}
    </div>
  );
}

/**
 * The cue, translated only while it shows: a step's ScrollArea mounts with every step change, and its words are
 * not needed until the area is measured to scroll (a redraw of what scrolls, a keystroke's results, leaves it).
 */
const ScrollCue = memo(function ScrollCue({ below }: { below: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="scroll-area__cue" data-scroll-cue="" aria-hidden="true">
      {below ? `▼ ${t('a11y:scroll.more')}` : `▲ ${t('a11y:scroll.above')}`}
    </p>
  );
});
