import { createContext, memo, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookAppointmentFlowView } from '../../../electron/rpc/flows/book_appointment_contract.js';
import { searchedText } from '../../../electron/rpc/flows/searched_text.js';
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
 * pinyin (full or initials). Every keystroke sends the text and the pinyin being composed; the results come back
 * with the step, and with them the pinyin's candidates for the keyboard, so `sfz` finds 身份證 before a candidate
 * is even chosen and one answer draws both. What was typed lives in the flow (a reload shows it) and goes with the
 * session.
 *
 * The field and the pinyin being composed show what the last answer answers, so a keystroke's letter and its
 * results appear together, in one frame (the key shows its press at once): the letter alone would cost a frame of
 * its own, and the results would wait behind it. An answer later than `echoDeadlineMs` lets the field show what was
 * typed without it.
 */
export function SearchStep({ view }: { view: View }) {
  const searched = searchedText(view.query, view.composing);
  const candidates = useSameWords(view.candidates ?? noCandidates);
  const answer = useMemo(
    () => ({
      query: view.query,
      composing: view.composing ?? '',
      searched,
      results: view.results,
      candidates,
    }),
    [view.query, view.composing, searched, view.results, candidates],
  );
  return (
    <SearchAnswer.Provider value={answer}>
      <SearchFrame initialQuery={view.query} />
    </SearchAnswer.Provider>
  );
}

/**
 * The last answer to what was typed: the results, what they answer, and the candidates for the pinyin being
 * composed. Given to the two parts that show it (the results, the keyboard's candidate bar) by context, so an
 * answer draws those two and nothing of the step around them.
 */
interface Answer {
  /** The typed text and the pinyin being composed that the answer is for. */
  query: string;
  composing: string;
  searched: string;
  results: View['results'];
  candidates: readonly string[];
}
const noCandidates: readonly string[] = [];

/** Every answer brings a new array: the same words stay the same list, so the candidate bar is not drawn again. */
function useSameWords(words: readonly string[]): readonly string[] {
  const kept = useRef(words);
  if (kept.current.length !== words.length || kept.current.some((word, i) => word !== words[i]))
    kept.current = words;
  return kept.current;
}
const SearchAnswer = createContext<Answer>({
  query: '',
  composing: '',
  searched: '',
  results: [],
  candidates: noCandidates,
});

/** How long the field waits for a keystroke's answer before it shows the keystroke without it. */
export const echoDeadlineMs = 100;

/** Results drawn at first: more than the space between the field and the keyboard shows, in normal-size text. */
const firstResultRows = 6;

/**
 * The step's frame (indicator, title, Back and Cancel), the field and the keyboard. Drawn when the step opens and
 * when the language changes (its hooks), never for an answer: `initialQuery` is read once, by the field.
 */
const SearchFrame = memo(
  function SearchFrame({ initialQuery }: { initialQuery: string }) {
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
          <SearchInput initial={initialQuery} language={f.language} />
        </div>
      </BookingFrame>
    );
  },
  () => true,
);

/**
 * The field and the keyboard, with what was typed as their own state: the search goes out from the key's handler,
 * and a keystroke draws nothing on screen until its answer comes (or is late): the field and the pinyin show the
 * answer's. The results sit between the two, on screen and in the reading order.
 */
function SearchInput({ initial, language }: { initial: string; language: Language }) {
  const rpc = useRpc();
  // What the keys have typed leads the answers by a keystroke or two: typing faster than they come loses nothing.
  const [typed, setTyped] = useState(initial);
  const composing = useRef('');
  // Until the first keystroke the field shows what the keys hold (the step as it opened, or as a reload found it).
  const [overdue, setOverdue] = useState(true);
  const deadline = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(deadline.current), []);
  const send = useCallback(
    (text: string, pinyin: string) => {
      void rpc.call('book-appointment.search', pinyin ? { text, composing: pinyin } : { text });
      setOverdue(false);
      clearTimeout(deadline.current);
      deadline.current = setTimeout(() => setOverdue(true), echoDeadlineMs);
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
  return (
    <>
      <SearchField typed={overdue ? typed : null} />
      <SearchResults />
      <SearchKeyboard
        value={typed}
        onChange={onChange}
        language={language}
        onComposition={onComposition}
        overdue={overdue}
      />
    </>
  );
}

/** What was typed: as the last answer has it, or as the keys have it (`typed`) when the answer is late. */
const SearchField = memo(function SearchField({ typed }: { typed: string | null }) {
  const { t } = useTranslation('book-appointment');
  const { query } = useContext(SearchAnswer);
  const shown = typed ?? query;
  return (
    <output className="search__field" data-testid="search-field" aria-live="polite">
      {shown || <span className="search__placeholder">{t('search.placeholder')}</span>}
    </output>
  );
});

/**
 * The keyboard, with the pinyin and the candidates of the last answer (its own pinyin when the answer is late): an
 * answer draws its candidate bar, not the keys.
 */
function SearchKeyboard({
  value,
  onChange,
  language,
  onComposition,
  overdue,
}: {
  value: string;
  onChange: (text: string) => void;
  language: Language;
  onComposition: (pinyin: string) => void;
  overdue: boolean;
}) {
  const { candidates, composing } = useContext(SearchAnswer);
  return (
    <OnScreenKeyboard
      value={value}
      onChange={onChange}
      language={language}
      maxLength={100}
      candidates={candidates}
      composition={overdue ? undefined : composing}
      onCompositionChange={onComposition}
    />
  );
}

/**
 * What the search found, from the last answer. Memoised (no props): a keystroke draws the field at once and the
 * results only when their answer arrives, so neither redraw does the other's work.
 */
const SearchResults = memo(function SearchResults() {
  const { t } = useTranslation('book-appointment');
  const { searched, results } = useContext(SearchAnswer);
  const searching = searched.trim() !== '';
  return (
    // data-query: which search the results shown answer, typed text and pinyin (the field may lead them).
    <div className="search__results" data-testid="search-results" data-query={searched}>
      {!searching ? <p className="booking__hint">{t('search.hint')}</p> : null}
      {searching && results.length === 0 ? (
        <p className="booking__hint" data-testid="no-results">
          {t('search.none')}
        </p>
      ) : null}
      {/* Kept mounted while the field is empty (hidden): the first letter only adds rows to it. */}
      <div className="search__list" hidden={results.length === 0}>
        <ScrollArea className="booking-scroll">
          <ServiceList services={results} showDepartment={true} first={firstResultRows} />
        </ScrollArea>
      </div>
    </div>
  );
});
