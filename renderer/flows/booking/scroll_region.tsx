import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A list that may not fit the screen (36 departments, a department's 70 services, large text): it scrolls, and
 * while some of it is out of sight a cue says so, so nothing is cut off without a sign.
 */
export function ScrollRegion({ children, className = '' }: { children: ReactNode; className?: string }) {
  const { t } = useTranslation('booking');
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState<'below' | 'above' | null>(null);

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const below = el.scrollTop + el.clientHeight < el.scrollHeight - 2;
    const above = el.scrollTop > 2;
    setMore(below ? 'below' : above ? 'above' : null);
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    observer?.observe(el);
    for (const child of Array.from(el.children)) observer?.observe(child);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer?.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, [measure]);

  return (
    <div className="booking-scroll">
      <div ref={ref} className={`booking-scroll__content ${className}`} data-testid="scroll-region">
        {children}
      </div>
      {more ? (
        <p className="booking-scroll__cue" data-testid="scroll-cue" aria-hidden="true">
          {more === 'below' ? `▼ ${t('scroll.below')}` : `▲ ${t('scroll.above')}`}
        </p>
      ) : null}
    </div>
  );
}
