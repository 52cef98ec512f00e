/**
 * Question sets in SQuAD layout (SQuAD 1.1 and 2.0, SelQA as shared in ../shared/eval/reading): one
 * article becomes one document — its title line, then its paragraphs separated by blank lines — and each
 * question an item whose evidence is its answer spans; `is_impossible` questions are unanswerable.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { seededRandom } from '../seeded-random.js';
import { QuestionSetError } from './question-set.js';
const squadSchema = z.object({
    articles: z
        .array(z.object({
        title: z.string().min(1),
        paragraphs: z.array(z.object({
            context: z.string(),
            qas: z.array(z.object({
                id: z.union([z.string(), z.number()]).transform(String),
                question: z.string(),
                answers: z.array(z.object({ text: z.string() })).default([]),
                is_impossible: z.boolean().optional(),
            })),
        })),
    }))
        .min(1),
});
export async function readSquadFile(file, sample = {}) {
    let json;
    try {
        json = JSON.parse(await readFile(file, 'utf8'));
    }
    catch (error) {
        const reason = error instanceof SyntaxError ? 'not valid JSON' : (error.code ?? String(error));
        throw new QuestionSetError(`cannot read the SQuAD file ${file} (${reason})`);
    }
    const parsed = squadSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new QuestionSetError(`${file} is not in SQuAD layout ({"articles": [{"title", "paragraphs": [{"context", "qas"}]}]}): ${issue?.path.join('.')} ${issue?.message}`);
    }
    const seed = sample.seed ?? 'footnote';
    const usedNames = new Set();
    let articles = parsed.data.articles.map((article) => {
        const title = article.title.replace(/_/gu, ' ').trim();
        const fileName = uniqueFileName(title, usedNames);
        const paragraphs = article.paragraphs.map((paragraph) => paragraph.context.replace(/\s*\n\s*/gu, ' ').trim());
        const items = article.paragraphs.flatMap((paragraph) => paragraph.qas.map((qa) => {
            const evidence = [...new Set(qa.answers.map((answer) => answer.text.trim()).filter((text) => text !== ''))];
            return { id: qa.id, turns: [qa.question], evidence, answerable: qa.is_impossible !== true && evidence.length > 0, group: title };
        }));
        return { title, fileName, text: `# ${title}\n\n${paragraphs.join('\n\n')}\n`, items: drawSorted(items, sample.limit, `${seed}:${title}`) };
    });
    articles = drawSorted(articles, sample.articles, seed);
    return articles;
}
/** A seeded draw of `count` items, kept in their original order; all of them when count is undefined. */
function drawSorted(items, count, seed) {
    if (count === undefined || count >= items.length)
        return [...items];
    const positions = new Map(items.map((item, position) => [item, position]));
    return seededRandom(seed)
        .shuffle(items)
        .slice(0, count)
        .sort((first, second) => (positions.get(first) ?? 0) - (positions.get(second) ?? 0));
}
function uniqueFileName(title, used) {
    const base = title
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/gu, '')
        .slice(0, 80) || 'article';
    let name = `${base}.md`;
    for (let copy = 2; used.has(name.toLowerCase()); copy += 1)
        name = `${base}-${copy}.md`;
    used.add(name.toLowerCase());
    return name;
}
//# sourceMappingURL=squad-set.js.map