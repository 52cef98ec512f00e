/**
 * Who's who: the people, organisations and places the text names, each with the role the text gives it
 * and every sentence that mentions it, verbatim.
 */
import type { Corpus } from '../corpus/types.js';
import { normalizeForMatch } from '../language/normalize.js';
import { entityKey, recogniseEntities, type Entity, type EntityKind } from './recognise-entities.js';
import { quoteSentence, type Quote } from '../corpus/citation.js';

export interface WhosWhoEntry {
  readonly name: string;
  readonly kind: EntityKind;
  /**
   * The title or appositive the text gives ("Kremlin Spokesperson", "a member of the Baku Republic
   * parliament"); "cited as a source" for an outlet the text only cites; null when the text says nothing more.
   */
  readonly role: string | null;
  /** The sentence the role comes from (null with no role from the text). */
  readonly roleQuote: Quote | null;
  /** Other forms the text uses: a surname alone, an acronym. */
  readonly aliases: readonly string[];
  /** Every sentence that mentions it, in reading order; none for an author named only in the byline. */
  readonly quotes: readonly Quote[];
}

export interface WhosWho {
  readonly entities: readonly WhosWhoEntry[];
}

const kindOrder: Readonly<Record<EntityKind, number>> = { person: 0, organisation: 1, place: 2 };

/**
 * Everyone and everything named, people first, then organisations, then places, each in order of first
 * mention. With `name`, only the entries that match it: the one named exactly so, else those with a name,
 * word or alias starting with it, else containing it (case and quote marks ignored); an empty list when none does.
 */
export function whosWho(corpus: Corpus, name?: string): WhosWho {
  const entities = recogniseEntities(corpus);
  const entries = [...bylineAuthors(corpus, entities), ...entities.map((entity) => ({ entity, entry: entryOf(entity) }))].sort(
    (first, second) => kindOrder[first.entity.kind] - kindOrder[second.entity.kind],
  );
  if (name === undefined || name.trim() === '') return { entities: entries.map((item) => item.entry) };
  const wanted = normalizeForMatch(name).replace(/^the\s+/u, '');
  const normal = (form: string): string => normalizeForMatch(form).replace(/^the\s+/u, '');
  const exact = entries.filter((item) => normal(item.entity.name) === wanted);
  if (exact.length > 0) return { entities: exact.map((item) => item.entry) };
  // "Aliyev" means both Aliyevs; "fsb" finds the service by its acronym.
  const forms = (entity: Entity): string[] => [entity.name, ...entity.aliases].map(normal);
  for (const test of [(form: string) => form.startsWith(wanted) || form.split(' ').includes(wanted), (form: string) => form.includes(wanted)]) {
    const matching = entries.filter((item) => forms(item.entity).some(test));
    if (matching.length > 0) return { entities: matching.map((item) => item.entry) };
  }
  return { entities: [] };
}

/**
 * A byline's author whom the text never names again is still someone a reader meets: listed before the
 * people of the text (the byline comes first), with the byline's description as the role and no quote.
 */
function bylineAuthors(corpus: Corpus, entities: readonly Entity[]): { entity: Entity; entry: WhosWhoEntry }[] {
  const known = new Set(entities.flatMap((entity) => [entity.key, ...entity.aliases.map(entityKey)]));
  return corpus.documents.flatMap((document) => {
    const author = document.author;
    // A person's name: two to four capitalised words ("By staff reporters" names no one).
    if (author === undefined || !/^\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){1,3}$/u.test(author) || known.has(entityKey(author))) return [];
    known.add(entityKey(author));
    const byline = document.header.find((line) => line.kind === 'byline')?.text ?? '';
    const description = /,\s*([^,]{3,80})$/u.exec(byline.trim())?.[1]?.trim();
    const role = description === undefined ? 'the author' : `the author (${description})`;
    const entity: Entity = { key: entityKey(author), name: author, kind: 'person', group: 'person', aliases: [], role: undefined, mentions: [] };
    return [{ entity, entry: { name: author, kind: 'person' as const, role, roleQuote: null, aliases: [], quotes: [] } }];
  });
}

/** Names for autocomplete, people first. */
export function entityNames(corpus: Corpus): string[] {
  return whosWho(corpus).entities.map((entry) => entry.name);
}

function entryOf(entity: Entity): WhosWhoEntry {
  const seen = new Set<string>();
  const quotes: Quote[] = [];
  for (const mention of entity.mentions) {
    const key = `${mention.unit.document.id}:${mention.unit.sentence.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const quote = quoteSentence(mention.unit.document, mention.unit.paragraph, mention.unit.sentence);
    if (quote !== undefined) quotes.push(quote);
  }
  quotes.sort((first, second) => first.documentId.localeCompare(second.documentId) || first.start - second.start);
  const role = entity.role?.text ?? (entity.group === 'source' ? 'cited as a source' : null);
  const roleUnit = entity.role?.unit;
  const roleQuote = roleUnit === undefined ? undefined : quoteSentence(roleUnit.document, roleUnit.paragraph, roleUnit.sentence);
  return { name: entity.name, kind: entity.kind, role, roleQuote: roleQuote ?? null, aliases: entity.aliases, quotes };
}
