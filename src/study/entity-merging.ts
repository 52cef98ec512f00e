/**
 * One entry for one name written several ways: an acronym and its long form ("FCC" and "Federal
 * Communications Commission"), a company with and without its legal suffix ("Sky UK Limited" / "Sky UK"),
 * and spelling variants ("Zelenskyy" / "Zelensky"). General rules over the names the text itself uses.
 */
import { distance } from 'fastest-levenshtein';
import { LEGAL_SUFFIXES } from './entity-cues.js';
import { entityKey, type Candidate, type EntityKind } from './entity-types.js';

/** Words an acronym leaves out: "Federal Bureau of Investigation" → FBI. */
const ACRONYM_SKIPS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', '&']);

/** The initials of a name's capitalised words, skipping small words: "Radio Corporation of America" → "RCA". */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/u)
    .filter((word) => word !== '' && !ACRONYM_SKIPS.has(word.toLowerCase()))
    .map((word) => word.charAt(0))
    .join('');
}

/** Words that end a company's or a network's name without naming another one: "NBC Red Network" is "NBC Red". */
const GENERIC_ENDINGS = new Set([...LEGAL_SUFFIXES, 'network', 'networks', 'communications', 'systems']);

/** "Sky UK Limited" → "sky uk", "nbc red network" → "nbc red"; undefined without such an ending. */
function withoutGenericEnding(key: string): string | undefined {
  const words = key.split(' ');
  if (words.length < 2 || !GENERIC_ENDINGS.has(words.at(-1) ?? '')) return undefined;
  const rest = words.slice(0, -1);
  // "Sky" is not "Sky Network" when "Sky" is also the name of a parent: keep one-word names apart unless legal.
  if (rest.length < 2 && !LEGAL_SUFFIXES.has(words.at(-1) ?? '')) return undefined;
  return rest.join(' ');
}

/** "edward j. noble" and "edward john noble": the same words, an initial standing for one of them. */
export function sameWithInitials(first: string, second: string): boolean {
  const words = (key: string): string[] => key.split(/[\s.]+/u).filter((word) => word !== '');
  const [one, two] = [words(first), words(second)];
  if (one.length !== two.length || one.length < 3 || first === second) return false;
  return one.every((word, index) => {
    const other = two[index] ?? '';
    return word === other || (word.length === 1 && other.startsWith(word)) || (other.length === 1 && word.startsWith(other));
  });
}

/** Two keys that differ by a letter or two, not by a number: "zelenskyy" and "zelensky". */
export function spellingVariants(first: string, second: string): boolean {
  const shorter = Math.min(first.length, second.length);
  if (shorter < 6 || /\d/u.test(first + second)) return false;
  if (first.split(' ').length !== second.split(' ').length) return false;
  return distance(first, second) <= (shorter >= 10 ? 2 : 1);
}

/**
 * Moves the members of a group that is another way of writing a second group into that one. Only names
 * of one kind meet (a bracketed short form joins whatever it stands for); an acronym goes to the long
 * form, a short form to the form with the legal suffix, a spelling to the one the text uses more.
 */
export function mergeVariants(groups: Map<string, Candidate[]>, kinds: Map<string, EntityKind>): void {
  const keys = [...groups.keys()].filter((key) => kinds.has(key));
  const order = new Map(keys.map((key, index) => [key, index]));
  const live = (key: string): boolean => groups.has(key) && kinds.has(key);
  const move = (from: string, into: string): void => {
    const members = groups.get(from);
    const target = groups.get(into);
    if (members === undefined || target === undefined || from === into) return;
    target.push(...members);
    groups.delete(from);
    kinds.delete(from);
  };
  // Indexes built once, so a book's thousands of names are not each compared with every other.
  const index = (entries: [string, string][]): Map<string, string[]> => {
    const map = new Map<string, string[]>();
    for (const [bucket, key] of entries) map.set(bucket, [...(map.get(bucket) ?? []), key]);
    return map;
  };
  const formOf = (key: string): string => groups.get(key)?.[0]?.span.text ?? '';
  const aliasOwners = index(
    keys.flatMap((key) => (groups.get(key) ?? []).flatMap((member) => member.aliases.map((alias): [string, string] => [entityKey(alias.text), key]))),
  );
  const byInitials = index(
    keys.filter((key) => formOf(key).includes(' ')).map((key): [string, string] => [initialsOf(formOf(key).replace(/^The\s+/u, '')), key]),
  );
  const byHead = index(keys.filter((key) => key.split(' ').length >= 2).map((key): [string, string] => [key.split(' ').at(-1) ?? '', key]));
  const shapes = (key: string): string[] => {
    const words = key.split(' ');
    return [`${words.length}|first|${key.charAt(0)}`, `${words.length}|last|${words.at(-1) ?? ''}`];
  };
  const byShape = index(keys.flatMap((key) => shapes(key).map((shape): [string, string] => [shape, key])));
  const liveOthers = (key: string, found: readonly string[] | undefined): string[] =>
    [...new Set(found ?? [])].filter((other) => other !== key && live(other)).sort((first, second) => (order.get(first) ?? 0) - (order.get(second) ?? 0));

  for (const key of keys) {
    if (!live(key)) continue;
    const form = formOf(key);
    const kind = kinds.get(key);
    // A short form the text gives in brackets after the long one: "Russian Federal Security Service (FSB)".
    const bracketed = liveOthers(key, aliasOwners.get(key))[0];
    if (bracketed !== undefined) {
      move(key, bracketed);
      continue;
    }
    // "Republic of Baku" and "Baku Republic".
    const ofForm = /^(\S+) of (\S+)$/u.exec(key);
    const reordered = ofForm === null ? undefined : `${ofForm[2] ?? ''} ${ofForm[1] ?? ''}`;
    if (reordered !== undefined && live(reordered) && kinds.get(reordered) === kind) {
      move(key, reordered);
      continue;
    }
    if (/^\p{Lu}{2,6}$/u.test(form)) {
      const longForms = liveOthers(key, byInitials.get(form));
      if (longForms.length === 1) move(key, longForms[0] as string);
      continue;
    }
    // "the Commission" after "the Federal Communications Commission": the one institution of that head.
    if (kind === 'organisation' && !key.includes(' ')) {
      const heads = liveOthers(key, byHead.get(key)).filter((other) => kinds.get(other) === 'organisation');
      if (heads.length === 1) {
        move(key, heads[0] as string);
        continue;
      }
    }
    const short = withoutGenericEnding(key);
    if (short !== undefined && live(short) && kinds.get(short) === kind) {
      move(short, key);
      continue;
    }
    const alike = liveOthers(
      key,
      shapes(key).flatMap((shape) => byShape.get(shape) ?? []),
    );
    const variant = alike.find((other) => kinds.get(other) === kind && (spellingVariants(key, other) || sameWithInitials(key, other)));
    if (variant !== undefined) {
      const count = (name: string): number => groups.get(name)?.length ?? 0;
      if (count(variant) > count(key)) move(key, variant);
      else move(variant, key);
    }
  }
}
