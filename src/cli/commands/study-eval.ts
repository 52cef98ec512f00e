import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadCorpus } from '../../corpus/load-corpus.js';
import { readClaimsFile } from '../../evaluation/study-claims.js';
import { quizQuality, summaryQuality, timelineQuality } from '../../evaluation/study-quality.js';
import { makeQuiz, type Quiz } from '../../study/make-quiz.js';
import { summarize } from '../../study/summarize.js';
import { timeline } from '../../study/timeline.js';
import { noPositionals, parseArguments, UsageError, writeLine, type CliCommand } from '../cli-command.js';

const DEFAULT_CLAIMS_FOLDER = 'eval/study';
const SEEDS = 10;
const QUESTIONS = 10;

export const studyEvalCliCommand = {
  name: 'study-eval',
  summary: 'Quality of the summary, quiz and timeline on texts with a list of key claims (eval/study/*.json).',
  usage: 'study-eval [--claims FILE] [--json]',
  async run(args, io) {
    const parsed = parseArguments(args, { booleans: ['json'], values: ['claims'] });
    noPositionals(parsed);
    const claimsFlag = parsed.flags.get('claims');
    const files = typeof claimsFlag === 'string' ? [claimsFlag] : await claimsFiles(DEFAULT_CLAIMS_FOLDER);
    const reports = [];
    for (const file of files) {
      const claims = await readClaimsFile(file);
      const { corpus: folder } = await loadCorpus(claims.corpusDir);
      const documents = folder.documents.filter((document) => document.id === claims.documentId);
      if (documents.length === 0) throw new UsageError(`${file}: no document ${claims.documentId} in ${claims.corpusDir}`);
      const corpus = { documents, contentHash: folder.contentHash };
      const quality = (length: 'short' | 'long') => {
        const outcome = summarize(corpus, { length });
        if (!outcome.ok) throw new UsageError(`${file}: ${outcome.problem.message}`);
        const report = summaryQuality(corpus, outcome.summary, claims.claims);
        const shortCovered = claims.short.filter((alternatives) => alternatives.some((id) => report.covered.includes(id))).length;
        return { ...report, mustCover: claims.short.length, mustCoverCovered: shortCovered };
      };
      const quizzes: Quiz[] = [];
      for (let seed = 1; seed <= SEEDS; seed += 1) {
        const outcome = makeQuiz(corpus, { count: QUESTIONS, seed });
        if (outcome.ok) quizzes.push(outcome.quiz);
      }
      reports.push({
        claims: path.basename(file),
        claimCount: claims.claims.length,
        short: quality('short'),
        long: quality('long'),
        quiz: quizQuality(corpus, quizzes),
        timeline: timelineQuality(timeline(corpus)),
      });
    }
    if (parsed.flags.has('json')) {
      writeLine(io.stdout, JSON.stringify(reports));
      return 0;
    }
    for (const report of reports) {
      const { short, long, quiz, timeline: events } = report;
      const kinds = Object.entries(quiz.kinds)
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', ');
      const lines: [string, string][] = [
        [
          'short summary',
          `${short.covered.length}/${report.claimCount} claims, must-cover ${short.mustCoverCovered}/${short.mustCover}, ${short.points} points, lead-ins ${short.leadIns}, dangling ${short.danglingReferences}`,
        ],
        [
          'long summary',
          `${long.covered.length}/${report.claimCount} claims, ${long.points} points, lead-ins ${long.leadIns}, dangling ${long.danglingReferences}; missed: ${long.missed.join(', ') || '—'}`,
        ],
        ['quiz kinds', `${Object.keys(quiz.kinds).length} (${kinds}); fill-in ${(quiz.fillInShare * 100).toFixed(0)}%`],
        ['quiz prompts', `longest ${quiz.longestPrompt} chars, ${quiz.promptsOver200} over 200, ${quiz.unresolvedReferences} with an unresolved reference`],
        [
          'quiz items',
          `${quiz.answersNotInQuote} answers not in their quote, ${quiz.distractorsInQuoteOrPrompt} distractors in quote/prompt, ${quiz.distractorsThatFit} that fit the blank`,
        ],
        [
          'quiz spread',
          `${quiz.questions} questions in ${quiz.quizzes} quizzes, ${quiz.distinctSentences} distinct sentences, ${quiz.quizzesRepeatingASentence} quizzes repeat one, paragraphs ${(quiz.paragraphCoverage * 100).toFixed(0)}%`,
        ],
        [
          'timeline',
          `${events.entries} entries, ${events.duplicates} duplicates, ${events.withoutSubjectAndVerb.length} without subject and verb, ${events.undated} undated`,
        ],
      ];
      writeLine(io.stdout, `${report.claims}\n${lines.map(([label, value]) => `  ${label.padEnd(15)}${value}`).join('\n')}`);
      for (const entry of events.withoutSubjectAndVerb) writeLine(io.stdout, `    no subject/verb: ${entry}`);
    }
    return 0;
  },
} satisfies CliCommand;

async function claimsFiles(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    throw new UsageError(`no claims folder ${folder}: run from the repository root or pass --claims FILE`);
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(folder, name));
}
