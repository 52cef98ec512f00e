/**
 * How well who's who names and types what a text mentions, against names labelled by hand
 * (eval/whos-who/labels.json): each text alone is the corpus, as a reading group would load it.
 *
 *   npx tsx scripts/check-whos-who.ts [--labels FILE] [--reading DIR] [--verbose] [--json]
 *
 * For every labelled name (person, organisation, place): listed with the right kind, with another kind,
 * or missing. Type accuracy = right kind / listed; recall = listed / labelled. Entries that match no real
 * name (a date, a product, a capitalised common word) are spurious; two entries for one name are duplicates.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import { entityKey } from '../src/study/entity-types.js';
import { whosWho } from '../src/study/whos-who.js';

type Label = 'person' | 'organisation' | 'place' | 'none';

interface LabelledText {
  readonly id: string;
  readonly split: 'tune' | 'validation' | 'fresh';
  readonly file?: string;
  readonly squad?: { readonly file: string; readonly article: string; readonly paragraphs: readonly [number, number] };
  readonly names: Readonly<Record<string, Label>>;
}

interface SquadFile {
  readonly articles: readonly { readonly title: string; readonly paragraphs: readonly { readonly context: string }[] }[];
}

interface TextResult {
  readonly id: string;
  readonly split: string;
  readonly labelled: number;
  readonly right: number;
  readonly wrongKind: string[];
  readonly missed: string[];
  readonly spurious: string[];
  readonly duplicates: string[];
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(name);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
};
const labelsFile = option('--labels', 'eval/whos-who/labels.json');
const readingDir = option('--reading', '../shared/eval/reading');
const verbose = args.includes('--verbose');

function textOf(labelled: LabelledText): string {
  if (labelled.file !== undefined) return readFileSync(labelled.file, 'utf8');
  const squad = labelled.squad;
  if (squad === undefined) throw new Error(`${labelled.id}: give "file" or "squad"`);
  const data = JSON.parse(readFileSync(path.join(readingDir, squad.file), 'utf8')) as SquadFile;
  const article = data.articles.find((candidate) => candidate.title === squad.article);
  if (article === undefined) throw new Error(`${labelled.id}: no article ${squad.article} in ${squad.file}`);
  const paragraphs = article.paragraphs.slice(squad.paragraphs[0], squad.paragraphs[1]).map((paragraph) => paragraph.context);
  return `${article.title.replace(/_/gu, ' ')}\n\n${paragraphs.join('\n\n')}\n`;
}

async function check(labelled: LabelledText): Promise<TextResult> {
  const folder = mkdtempSync(path.join(tmpdir(), 'footnote-whos-who-'));
  try {
    writeFileSync(path.join(folder, `${labelled.id}.txt`), textOf(labelled), 'utf8');
    const corpus = (await loadCorpus(folder)).corpus;
    const entries = whosWho(corpus).entities;
    const labelOf = new Map<string, { name: string; label: Label }>();
    for (const [forms, label] of Object.entries(labelled.names)) {
      const name = forms.split('|')[0] as string;
      for (const form of forms.split('|')) labelOf.set(entityKey(form), { name, label });
    }
    const found = new Map<string, string[]>();
    const spurious: string[] = [];
    for (const entry of entries) {
      const match = [entry.name, ...entry.aliases].map((form) => labelOf.get(entityKey(form))).find((candidate) => candidate !== undefined);
      if (match === undefined || match.label === 'none') {
        spurious.push(`${entry.name} (${entry.kind}${match === undefined ? ', unlabelled' : ''})`);
        continue;
      }
      found.set(match.name, [...(found.get(match.name) ?? []), `${entry.name} (${entry.kind})`]);
      if (entry.kind !== match.label) found.set(`${match.name}\u0000wrong`, [...(found.get(`${match.name}\u0000wrong`) ?? []), entry.kind]);
    }
    const real = Object.entries(labelled.names).filter(([, label]) => label !== 'none');
    const result: TextResult = { id: labelled.id, split: labelled.split, labelled: real.length, right: 0, wrongKind: [], missed: [], spurious, duplicates: [] };
    let right = 0;
    for (const [forms, label] of real) {
      const name = forms.split('|')[0] as string;
      const listed = found.get(name);
      if (listed === undefined) result.missed.push(`${name} (${label})`);
      else {
        const wrong = found.get(`${name}\u0000wrong`);
        if (wrong === undefined) right += 1;
        else result.wrongKind.push(`${name}: ${label} listed as ${wrong.join(', ')}`);
        if (listed.length > 1) result.duplicates.push(listed.join(' + '));
      }
    }
    return { ...result, right };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function summary(results: readonly TextResult[]): Record<string, number> {
  const labelled = results.reduce((sum, result) => sum + result.labelled, 0);
  const right = results.reduce((sum, result) => sum + result.right, 0);
  const wrong = results.reduce((sum, result) => sum + result.wrongKind.length, 0);
  const spurious = results.reduce((sum, result) => sum + result.spurious.length, 0);
  const duplicates = results.reduce((sum, result) => sum + result.duplicates.length, 0);
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return {
    labelled,
    listed: right + wrong,
    typeAccuracy: round(right / Math.max(1, right + wrong)),
    recall: round((right + wrong) / Math.max(1, labelled)),
    rightOfLabelled: round(right / Math.max(1, labelled)),
    spurious,
    duplicates,
  };
}

const texts = (JSON.parse(readFileSync(labelsFile, 'utf8')) as { texts: LabelledText[] }).texts;
const results: TextResult[] = [];
for (const labelled of texts) results.push(await check(labelled));
const report = {
  texts: Object.fromEntries(results.map((result) => [result.id, summary([result])])),
  tune: summary(results.filter((result) => result.split === 'tune')),
  validation: summary(results.filter((result) => result.split === 'validation')),
  fresh: summary(results.filter((result) => result.split === 'fresh')),
};
if (args.includes('--json')) console.log(JSON.stringify(verbose ? { ...report, details: results } : report, null, 2));
else {
  for (const result of results) {
    const figures = summary([result]);
    console.log(
      `${result.id} (${result.split}): type accuracy ${figures.typeAccuracy}, recall ${figures.recall}, right ${result.right}/${result.labelled}, spurious ${result.spurious.length}, duplicates ${result.duplicates.length}`,
    );
    if (verbose) {
      for (const [heading, list] of [
        ['wrong kind', result.wrongKind],
        ['missed', result.missed],
        ['spurious', result.spurious],
        ['duplicates', result.duplicates],
      ] as const)
        if (list.length > 0) console.log(`  ${heading}: ${list.join('; ')}`);
    }
  }
  for (const split of ['tune', 'validation', 'fresh'] as const) console.log(`${split}: ${JSON.stringify(report[split])}`);
}
