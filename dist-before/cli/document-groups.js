import { documentScope } from '../study/document-scope.js';
import { UsageError } from './cli-command.js';
export function documentFlag(flags) {
    const value = flags.get('document');
    if (value === true)
        throw new UsageError('--document needs a title, or a unique part of one');
    return value;
}
export function partsOf(corpus, input) {
    const scope = documentScope(corpus, input);
    if (!scope.ok)
        throw new UsageError(scope.problem.message);
    return scope.corpora;
}
export function groupedText(parts, render) {
    if (parts.length === 1 && parts[0] !== undefined)
        return render(parts[0]);
    return parts.map((part) => `== ${part.documents[0]?.title ?? ''} ==\n\n${render(part)}`).join('\n\n');
}
export function groupedJson(parts, render) {
    if (parts.length === 1 && parts[0] !== undefined)
        return render(parts[0]);
    return { documents: parts.map((part) => ({ documentId: part.documents[0]?.id, title: part.documents[0]?.title, ...render(part) })) };
}
//# sourceMappingURL=document-groups.js.map