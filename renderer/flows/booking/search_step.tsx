import { memo, type ReactNode, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookAppointmentFlowView } from '../../../electron/rpc/flows/book_appointment_contract.js';
import type { Language } from '../../../electron/rpc/languages.js';
import { ScrollArea } from '../../a11y/scroll_area.js';
import { OnScreenKeyboard } from '../../components/keyboard/on_screen_keyboard.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { useBookingFormat } from './booking_format.js';
import { BookingFrame } from './booking_frame.js';
import { ServiceList } from './service_list.js';

type View = Extract<BookAppointmentFlowView, { step: 'search' }>;

/**
 * Search by name as the resident types, in any of the four languages, with or without accents, in characters or
 * pinyin (full or initials). Every keystroke sends the text; the results come back with the step. Pinyin still
 * being composed is searched too, so `sfz` finds 身份證 before a candidate is even chosen. What was typed lives
 * in the flow (a reload shows it) and goes with the session.
 */
export function SearchStep({ view }: { view: View }) {
  const { t } = useTranslation('book-appointment');
  const f = useBookingFormat();
  return (
    <BookingFrame
      flow="book-appointment"
      step="search"
      stage="service"
      title={t('search.title')}
      scroll={false}
    >
      <div className="search">
        <SearchInput
          initial={view.query}
          language={f.language}
          results={<SearchResults query={view.query} results={view.results} />}
        />
      </div>
    </BookingFrame>
  );
}

/**
 * The field and the keyboard, with what was typed as their own state: a keystroke draws the field alone (not the
 * step's frame, not the results, not the keys), and the search goes out from the key's handler before that.
 * `results` are drawn between the two, where they sit on screen and in the reading order (an answer redraws this
 * too, which costs the field alone: the keyboard's props do not change).
 */
function SearchInput({
  initial,
  language,
  results,
}: {
  initial: string;
  language: Language;
  results: ReactNode;
}) {
  const { t } = useTranslation('book-appointment');
  const rpc = useRpc();
  // The field leads the step by a keystroke or two: typing faster than the answers come loses nothing.
  const [typed, setTyped] = useState(initial);
  const composing = useRef('');
  const send = useCallback(
    (text: string, pinyin: string) => {
      void rpc.call('book-appointment.search', { text: pinyin ? `${text} ${pinyin}`.trim() : text });
    },
    [rpc],
  );
  // Stable handlers (what was typed is read from a ref): an answer redraws the results, not the keyboard.
  const typedNow = useRef(typed);
  typedNow.current = typed;
  const onChange = useCallback(
    (text: string) => {
      typedNow.current = text;
      send(text, composing.current);
      setTyped(text);
    },
    [send],
  );
  const onComposition = useCallback(
    (pinyin: string) => {
      if (pinyin === composing.current) return;
      composing.current = pinyin;
      send(typedNow.current, pinyin);
    },
    [send],
  );
  const candidates = useCallback(
    async (pinyin: string) => {
      const answer = await rpc.call('book-appointment.candidates', { pinyin });
      return answer.ok ? answer.value.candidates : [];
    },
    [rpc],
  );
  return (
    <>
      <output className="search__field" data-testid="search-field" aria-live="polite">
        {typed || <span className="search__placeholder">{t('search.placeholder')}</span>}
      </output>
      {results}
      <OnScreenKeyboard
        value={typed}
        onChange={onChange}
        language={language}
        maxLength={100}
        candidates={candidates}
        onCompositionChange={onComposition}
      />
    </>
  );
}

/**
 * What the query found. Memoised: a keystroke draws the field (and the keyboard) at once, and the results only when
 * their answer arrives, so neither redraw does the other's work.
 */
const SearchResults = memo(function SearchResults({
  query,
  results,
}: {
  query: string;
  results: View['results'];
}) {
  const { t } = useTranslation('book-appointment');
  const searching = query.trim() !== '';
  return (
    // data-query: which query the results shown answer (the field may lead them by a keystroke).
    <div className="search__results" data-testid="search-results" data-query={query}>
      {searching && results.length === 0 ? (
        <p className="booking__hint" data-testid="no-results">
          {t('search.none')}
        </p>
      ) : null}
      {searching ? (
        <ScrollArea className="booking-scroll">
          <ServiceList services={results} showDepartment={true} />
        </ScrollArea>
      ) : (
        <p className="booking__hint">{t('search.hint')}</p>
      )}
    </div>
  );
});
