/**
 * What a booking search step's results answer: the text typed and, after it, the pinyin still being composed (`sfz`
 * finds 身份證 before a candidate is chosen). The flow searches it; the screen and audio guidance show what it found.
 * A module of its own, without zod, so the renderer can use it.
 */
export function searchedText(query: string, composing?: string): string {
  return composing ? `${query} ${composing}`.trim() : query;
}
