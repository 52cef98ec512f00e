/** Reads a key-claims file for `footnote study-eval` (format in eval/README.md), with errors that say what to fix. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
const claimsSchema = z.object({
    description: z.string().optional(),
    /** The corpus folder holding the text, relative to the claims file. */
    corpus: z.string().min(1),
    /** The document of that folder the claims are about (its file name); the folder may hold others. */
    document: z.string().min(1),
    claims: z.array(z.object({ id: z.string().min(1), claim: z.string().min(1), evidence: z.array(z.array(z.string().min(1)).min(1)).min(1) })).min(1),
    /** Claim ids the short summary must cover; "a|b" is covered by either. */
    short: z.array(z.string().min(1)).default([]),
});
export class ClaimsFileError extends Error {
    name = 'ClaimsFileError';
}
export async function readClaimsFile(file) {
    let json;
    try {
        json = JSON.parse(await readFile(file, 'utf8'));
    }
    catch (error) {
        const reason = error instanceof SyntaxError ? `not JSON: ${error.message}` : (error.code ?? String(error));
        throw new ClaimsFileError(`cannot read the claims file ${file} (${reason})`);
    }
    const parsed = claimsSchema.safeParse(json);
    if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join('; ');
        throw new ClaimsFileError(`${file}: ${problems} — see eval/README.md for the format`);
    }
    const ids = new Set(parsed.data.claims.map((claim) => claim.id));
    const short = parsed.data.short.map((entry) => entry.split('|'));
    const unknown = short.flat().filter((id) => !ids.has(id));
    if (unknown.length > 0)
        throw new ClaimsFileError(`${file}: "short" names claims that are not listed: ${unknown.join(', ')}`);
    return { file, corpusDir: path.resolve(path.dirname(file), parsed.data.corpus), documentId: parsed.data.document, claims: parsed.data.claims, short };
}
//# sourceMappingURL=study-claims.js.map