/**
 * A holder's name as a screen or a verification answer may show it to someone standing nearby: enough for the
 * holder to recognise, too little for a stranger to learn. The family name stays and each given name keeps its
 * initial (`CHAN TAI MAN` → `CHAN T** M**`); a Chinese name keeps its first and last characters (`陳大文` → `陳*文`,
 * `陳文` → `陳*`). Where the document separates family and given names (an MRZ does) the separation is used;
 * otherwise the first word is taken as the family name, as Macao's romanised names write it.
 */

const han = /\p{Script=Han}/u;

function maskWord(word: string): string {
  const letters = [...word];
  return letters.length <= 1 ? word : `${letters[0]}${'*'.repeat(letters.length - 1)}`;
}

function maskHan(name: string): string {
  const characters = [...name.replace(/\s/g, '')];
  if (characters.length <= 1) return '*';
  if (characters.length === 2) return `${characters[0]}*`;
  return `${characters[0]}${'*'.repeat(characters.length - 2)}${characters.at(-1)}`;
}

export interface NameParts {
  /** The family name (MRZ primary identifier), when the document gives it apart. */
  surname?: string;
  /** The given names (MRZ secondary identifier). */
  givenNames?: string;
  /** The name as the document prints it in one piece. */
  fullName: string;
}

export function maskName(name: NameParts): string {
  if (han.test(name.fullName)) return maskHan(name.fullName);
  const words = (text: string) => text.split(/\s+/).filter((w) => w.length > 0);
  if (name.surname !== undefined && name.surname.trim().length > 0) {
    const given = words(name.givenNames ?? '').map(maskWord);
    return [name.surname.trim(), ...given].join(' ');
  }
  const [first, ...rest] = words(name.fullName);
  if (first === undefined) return '*';
  return [first, ...rest.map(maskWord)].join(' ');
}
