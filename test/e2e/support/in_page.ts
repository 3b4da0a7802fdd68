/**
 * In the page: `getComputedStyle`, read once an element for one walk over the page (nothing changes the page while
 * a walk runs, and the walks pass the same ancestors again and again). Self-contained, as its source is sent to the
 * page with the walks that take it (layout.ts, contrast.ts).
 */
export function cachedStyles(): (el: Element) => CSSStyleDeclaration {
  const styles = new Map<Element, CSSStyleDeclaration>();
  return (el) => {
    let style = styles.get(el);
    if (!style) {
      style = getComputedStyle(el);
      styles.set(el, style);
    }
    return style;
  };
}
