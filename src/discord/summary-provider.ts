/**
 * What /summary asks for. The study-tools work will bring a better provider; until then the key points are
 * the lead sentence of each paragraph, verbatim and cited, which is honest about being extractive.
 */
import type { Citation, Paragraph } from '../corpus/types.js';
import type { Engine } from '../engine-types.js';

export type SummaryLength = 'short' | 'long';

export interface SummaryPoint {
  readonly text: string;
  readonly citation: Citation;
}

export interface Summary {
  readonly title: string;
  readonly points: readonly SummaryPoint[];
}

export type SummaryOutcome = { readonly ok: true; readonly summary: Summary } | { readonly ok: false; readonly message: string };

export interface SummaryProvider {
  /** Section names in reading order, for autocomplete. */
  sections(): readonly string[];
  summarize(request: { readonly section: string | undefined; readonly length: SummaryLength }): Promise<SummaryOutcome>;
}

const shortPoints = 5;

/** Picks `count` items spread evenly over the list, first and last included. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, position) => items[Math.round((position * (items.length - 1)) / (count - 1))] as T);
}

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Finds a section by exact name, then by unique prefix or substring (autocomplete values may be cut at 100 characters). */
export function findSection(sections: readonly string[], wanted: string): string | undefined {
  const target = normalise(wanted);
  const exact = sections.find((section) => normalise(section) === target);
  if (exact !== undefined) return exact;
  const partial = sections.filter((section) => normalise(section).startsWith(target) || normalise(section).includes(target));
  return partial.length === 1 ? partial[0] : undefined;
}

export function createLeadSentenceSummaries(engine: Engine): SummaryProvider {
  const sections = () => [...new Set(engine.paragraphs().filter((paragraph) => paragraph.number > 0).map((paragraph) => paragraph.section))];
  const titleOf = (documentId: string) => engine.corpus.documents.find((document) => document.id === documentId)?.title ?? documentId;
  const lead = (paragraph: Paragraph): SummaryPoint | undefined => {
    const sentence = paragraph.sentences[0];
    const text = sentence?.text ?? paragraph.text;
    if (text.trim() === '') return undefined;
    return {
      text,
      citation: {
        documentId: paragraph.documentId,
        documentTitle: titleOf(paragraph.documentId),
        section: paragraph.section,
        paragraph: paragraph.number,
        start: sentence?.start ?? paragraph.start,
        end: sentence?.end ?? paragraph.end,
      },
    };
  };

  return {
    sections,
    async summarize({ section, length }) {
      const body = engine.paragraphs().filter((paragraph) => paragraph.number > 0);
      if (section === undefined) {
        // The whole text: one point per section when short, one per paragraph when long.
        const firstOfEach = sections().map((name) => body.find((paragraph) => paragraph.section === name)).filter((paragraph): paragraph is Paragraph => paragraph !== undefined);
        const chosen = length === 'short' ? spread(firstOfEach, shortPoints) : body;
        const title = engine.corpus.documents.length === 1 ? (engine.corpus.documents[0]?.title ?? 'The text') : 'The texts';
        return { ok: true, summary: { title, points: chosen.map(lead).filter((point): point is SummaryPoint => point !== undefined) } };
      }
      const name = findSection(sections(), section);
      if (name === undefined) {
        return { ok: false, message: `There is no section called “${section.slice(0, 100)}”. Pick one from the list, or leave the section empty for the whole text.` };
      }
      const inSection = body.filter((paragraph) => paragraph.section === name);
      const chosen = length === 'short' ? spread(inSection, shortPoints) : inSection;
      return { ok: true, summary: { title: name, points: chosen.map(lead).filter((point): point is SummaryPoint => point !== undefined) } };
    },
  };
}
