/** Reads a question set (JSON lines; format in the eval README) with errors that name the line. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const itemSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().optional(),
    turns: z.array(z.string()).min(1).optional(),
    evidence: z.array(z.string()).default([]),
    answerable: z.boolean(),
    kind: z.string().min(1).optional(),
  })
  .refine((item) => (item.question === undefined) !== (item.turns === undefined), { message: 'needs exactly one of "question" or "turns"' });

export interface EvalItem {
  readonly id: string;
  /** The questions asked in order in one conversation; only the last is scored. */
  readonly turns: readonly string[];
  readonly evidence: readonly string[];
  readonly answerable: boolean;
  /** A label the report breaks figures down by, e.g. "off-topic" or "near-topic" for unanswerable items. */
  readonly kind?: string;
  /** Which text the item is about, when a run covers several (a SQuAD article's title). */
  readonly group?: string;
}

export class QuestionSetError extends Error {
  override readonly name = 'QuestionSetError';
}

export async function readQuestionSet(file: string): Promise<EvalItem[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new QuestionSetError(`cannot read the question set ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const items: EvalItem[] = [];
  text.split(/\r?\n/u).forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new QuestionSetError(`${file}:${index + 1}: not valid JSON`);
    }
    const parsed = itemSchema.safeParse(json);
    if (!parsed.success)
      throw new QuestionSetError(
        `${file}:${index + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'item'} ${issue.message}`).join('; ')}`,
      );
    const item = parsed.data;
    items.push({
      id: item.id,
      turns: item.turns ?? [item.question ?? ''],
      evidence: item.evidence,
      answerable: item.answerable,
      ...(item.kind !== undefined ? { kind: item.kind } : {}),
    });
  });
  if (items.length === 0) throw new QuestionSetError(`${file} has no questions`);
  return items;
}
