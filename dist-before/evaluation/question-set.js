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
export class QuestionSetError extends Error {
    name = 'QuestionSetError';
}
export async function readQuestionSet(file) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (error) {
        throw new QuestionSetError(`cannot read the question set ${file} (${error.code ?? String(error)})`);
    }
    const items = [];
    text.split(/\r?\n/u).forEach((line, index) => {
        if (line.trim() === '')
            return;
        let json;
        try {
            json = JSON.parse(line);
        }
        catch {
            throw new QuestionSetError(`${file}:${index + 1}: not valid JSON`);
        }
        const parsed = itemSchema.safeParse(json);
        if (!parsed.success)
            throw new QuestionSetError(`${file}:${index + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'item'} ${issue.message}`).join('; ')}`);
        const item = parsed.data;
        items.push({
            id: item.id,
            turns: item.turns ?? [item.question ?? ''],
            evidence: item.evidence,
            answerable: item.answerable,
            ...(item.kind !== undefined ? { kind: item.kind } : {}),
        });
    });
    if (items.length === 0)
        throw new QuestionSetError(`${file} has no questions`);
    return items;
}
//# sourceMappingURL=question-set.js.map