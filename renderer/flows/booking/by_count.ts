/**
 * A counted message ("3 places left", "12 services") worked out once per count for a list's rows: i18next resolves
 * a plural key by trying its forms one after another, and a day's times (or the departments) repeat a few counts
 * over dozens of rows — translating each row was most of drawing the time step. Build one per render of the list
 * (`useMemo` on `t`), so a change of language makes a new one.
 */
export function byCount(format: (count: number) => string): (count: number) => string {
  const said = new Map<number, string>();
  return (count) => {
    let text = said.get(count);
    if (text === undefined) {
      text = format(count);
      said.set(count, text);
    }
    return text;
  };
}
