/** Autocomplete over a list of names (sections, people, places), the way a person types them. */
import { normalizeForMatch } from '../language/normalize.js';
import { discordLimits } from './discord-limits.js';
import { truncate } from './reply.js';
/**
 * Names starting with what was typed (or with a word that does) first, then names containing it, in the list's
 * own order; case and curly quotes ignored. The value is cut without an ellipsis so that it stays a prefix
 * of the name, which the study tools accept as the name.
 */
export function matchingChoices(names, typed) {
    const wanted = normalizeForMatch(typed);
    const starts = (name) => {
        const normal = normalizeForMatch(name);
        return normal.startsWith(wanted) || normal.split(/[\s-]+/u).some((word) => word.startsWith(wanted));
    };
    const ranked = [...names.filter(starts), ...names.filter((name) => !starts(name) && normalizeForMatch(name).includes(wanted))];
    return [...new Set(ranked)]
        .slice(0, discordLimits.choices)
        .map((name) => ({ name: truncate(name, discordLimits.choiceName), value: name.slice(0, discordLimits.choiceValue) }));
}
//# sourceMappingURL=autocomplete.js.map