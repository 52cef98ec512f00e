/** What the entity recogniser finds, and the candidate mentions it weighs on the way (recognise-entities.ts). */
import { normalizeForMatch } from '../language/normalize.js';
import type { WordToken } from './name-spans.js';
import type { SentenceUnit } from './sentence-units.js';

export type EntityKind = 'person' | 'organisation' | 'place';

/** Finer than the kind, for choosing look-alike quiz distractors: cited sources with sources, countries with countries. */
export type EntityGroup = 'person' | 'source' | 'organisation' | 'country' | 'place';

/** A verbatim span of one sentence (document offsets). */
export interface SentenceSpan {
  readonly unit: SentenceUnit;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Entity {
  /** Normalised name, unique within the corpus. */
  readonly key: string;
  /** The fullest form the text uses ("Ilham Aliyev", "The Washington Post"). */
  readonly name: string;
  readonly kind: EntityKind;
  readonly group: EntityGroup;
  /** Other forms the text uses: a surname alone, an acronym in brackets. */
  readonly aliases: readonly string[];
  /** A title or appositive the text gives ("Kremlin Spokesperson", "a member of the Baku Republic parliament"). */
  readonly role: SentenceSpan | undefined;
  /** Every mention in reading order. */
  readonly mentions: readonly SentenceSpan[];
}

export type Votes = Record<EntityKind, number>;

export interface Candidate {
  readonly span: SentenceSpan;
  readonly key: string;
  readonly tokens: readonly WordToken[];
  readonly votes: Votes;
  /** Roles found around this mention, each with the kind it implies and how telling it is. */
  readonly roles: { span: SentenceSpan; kind: EntityKind; weight: number }[];
  readonly aliases: SentenceSpan[];
  readonly links: Set<Candidate>;
  /** Keys of the names inside a compound such as "Nagorno-Karabakh". */
  readonly partKeys: string[];
  source: boolean;
  /** Votes that the name is a programme, show or numbered thing ("Project Apollo", "Gang Busters", "Line 4"): no one to list. */
  thing: number;
}

/** The key under which mentions of one name meet: case, accents and a leading "the" do not count. */
export function entityKey(name: string): string {
  return normalizeForMatch(name).replace(/^the\s+/u, '');
}

export function spanOf(unit: SentenceUnit, start: number, end: number): SentenceSpan {
  return { unit, start, end, text: unit.document.text.slice(start, end) };
}
