import { normalizeForMatch } from '../language/normalize.js';
import { STOPWORDS } from '../language/tokenize.js';
import { COMPASS_WORDS, DEMONYM_ENDINGS, EVENT_HEADS, ORGANISATION_HEADS, ORGANISATION_NOUNS, PLACE_HEADS, PLACE_NOUNS, REPORTING_VERBS, ROLE_NOUNS, TITLE_WORDS, } from './entity-cues.js';
import { capitalisationEvidence, nameSpans, SENTENCE_OPENERS, wordTokens } from './name-spans.js';
import { sentenceUnits } from './sentence-units.js';
const cache = new WeakMap();
/** The entities of the corpus in order of first mention. Cached per corpus: the tools share one reading. */
export function recogniseEntities(corpus) {
    let entities = cache.get(corpus);
    if (entities === undefined) {
        entities = recognise(corpus);
        cache.set(corpus, entities);
    }
    return entities;
}
export function entityKey(name) {
    return normalizeForMatch(name).replace(/^the\s+/u, '');
}
function recognise(corpus) {
    const units = sentenceUnits(corpus);
    const evidence = capitalisationEvidence(units);
    const isCommonWord = (word) => {
        const lower = word.toLowerCase();
        // "The" and "In" are capitalised inside names too ("The Washington Post"), but at a sentence start they are just words.
        if (STOPWORDS.has(lower) || SENTENCE_OPENERS.has(lower))
            return true;
        if (evidence.capitalisedInside.has(word))
            return false;
        return evidence.lowerCase.has(lower) || /(?:ly|ing|ed)$/u.test(lower);
    };
    const readings = units.map((unit) => {
        const tokens = wordTokens(unit);
        return { unit, tokens, spans: nameSpans(unit, tokens, isCommonWord) };
    });
    const singleWordNames = new Map();
    const nameWords = new Set();
    for (const { spans } of readings) {
        for (const span of spans) {
            for (const token of span.tokens)
                nameWords.add(token.text);
            if (span.tokens.length === 1)
                singleWordNames.set(span.text, (singleWordNames.get(span.text) ?? 0) + 1);
        }
    }
    const demonyms = findDemonyms(nameWords);
    const candidates = [];
    for (const reading of readings) {
        const spans = mergeSiblingNames(reading.spans, singleWordNames);
        const own = [];
        for (const span of spans)
            own.push(...candidatesOf(span, reading.tokens, { demonyms, singleWordNames }));
        linkCoordinated(own);
        candidates.push(...own);
    }
    return buildEntities(candidates, new Set(demonyms.values()));
}
/** "Russian" → "Russia", "Turkish" → "Turkey": adjective of nationality → the name it comes from. */
function findDemonyms(nameWords) {
    const demonyms = new Map();
    for (const word of nameWords) {
        const ending = DEMONYM_ENDINGS.find((candidate) => word.endsWith(candidate));
        if (ending === undefined)
            continue;
        const stem = word.slice(0, -ending.length);
        if (stem.length < 3)
            continue;
        for (const base of nameWords) {
            if (base === word || base.length < 4 || base.includes('-') || base.includes(' '))
                continue;
            if (base === stem || (base.startsWith(stem) && base.length - stem.length <= 2)) {
                demonyms.set(word, base);
                break;
            }
        }
    }
    return demonyms;
}
/** "brothers Hussein and Ziyaddin Safarov": a lone first name joined by "and" to a full name shares its surname. */
function mergeSiblingNames(spans, singleWordNames) {
    const merged = [];
    for (let index = 0; index < spans.length; index += 1) {
        const first = spans[index];
        const second = spans[index + 1];
        const text = first.unit.document.text;
        if (second !== undefined &&
            first.tokens.length === 1 &&
            !first.possessive &&
            second.tokens.length === 2 &&
            (singleWordNames.get(first.text) ?? 0) === 1 &&
            text.slice(first.end, second.start) === ' and ' &&
            second.tokens.every((token) => /^\p{Lu}\p{Ll}+$/u.test(token.text))) {
            merged.push({
                unit: first.unit,
                tokens: [...first.tokens, ...second.tokens],
                start: first.start,
                end: second.end,
                text: text.slice(first.start, second.end),
                possessive: second.possessive,
            });
            index += 1;
            continue;
        }
        merged.push(first);
    }
    return merged;
}
function newCandidate(unit, tokens, start, end) {
    const text = unit.document.text.slice(start, end);
    return {
        span: { unit, start, end, text },
        key: entityKey(text),
        tokens,
        votes: { person: 0, organisation: 0, place: 0 },
        roles: [],
        aliases: [],
        links: new Set(),
        partKeys: [],
        source: false,
    };
}
function spanOf(unit, start, end) {
    return { unit, start, end, text: unit.document.text.slice(start, end) };
}
function candidatesOf(span, sentenceTokens, context) {
    const { unit } = span;
    let tokens = [...span.tokens];
    const results = [];
    // "Kremlin Spokesperson Dmitry Peskov": the title is the role, the words after it the person, the words before it an institution.
    const titleIndexes = tokens.flatMap((token, index) => (TITLE_WORDS.has(token.text) ? [index] : []));
    const lastTitle = titleIndexes.at(-1);
    const firstTitle = titleIndexes[0];
    if (lastTitle !== undefined && firstTitle !== undefined && lastTitle < tokens.length - 1) {
        const nameTokens = tokens.slice(lastTitle + 1);
        const person = newCandidate(unit, nameTokens, nameTokens[0].start, nameTokens.at(-1).end);
        person.votes.person += 3;
        person.roles.push({ span: spanOf(unit, tokens[0].start, tokens[lastTitle].end), kind: 'person', weight: 2 });
        addContextCues(person, sentenceTokens, context.demonyms);
        results.push(person);
        const prefix = stripDemonyms(tokens.slice(0, firstTitle), context.demonyms, { keepOne: false });
        if (prefix.length > 0) {
            const institution = newCandidate(unit, prefix, prefix[0].start, prefix.at(-1).end);
            institution.votes.organisation += 3;
            addHeadCues(institution);
            results.push(institution);
        }
        return results;
    }
    tokens = stripDemonyms(tokens, context.demonyms);
    const last = tokens.at(-1);
    if (last === undefined || EVENT_HEADS.has(last.text) || (tokens.length === 1 && context.demonyms.has(last.text)))
        return results;
    // "Russia-Iran-India" names three places; "Nagorno-Karabakh" is one place that contains another.
    if (tokens.length === 1 && /[-‑]/u.test(last.text)) {
        const parts = partsOf(last);
        const known = parts.filter((part) => context.singleWordNames.has(part.text));
        if (known.length >= 2) {
            const pieces = parts.map((part) => newCandidate(unit, [last], part.start, part.end));
            for (const piece of pieces)
                for (const other of pieces)
                    if (piece !== other)
                        piece.links.add(other);
            results.push(...pieces);
            return results;
        }
        const whole = newCandidate(unit, tokens, last.start, last.end);
        whole.partKeys.push(...known.map((part) => entityKey(part.text)));
        addHeadCues(whole);
        addContextCues(whole, sentenceTokens, context.demonyms);
        results.push(whole);
        return results;
    }
    const candidate = newCandidate(unit, tokens, tokens[0].start, last.end);
    addHeadCues(candidate);
    addContextCues(candidate, sentenceTokens, context.demonyms, span.start);
    // A name the text also turns into an adjective ("Western" from "West") is a country or region.
    if ([...context.demonyms.values()].includes(candidate.span.text))
        candidate.votes.place += 2;
    // A lone acronym ("IT", "FSB") is an institution or nothing: "active in IT" is not a place.
    if (tokens.length === 1 && /^\p{Lu}+$/u.test(last.text)) {
        candidate.votes.person = 0;
        candidate.votes.place = 0;
    }
    results.push(candidate);
    return results;
}
function partsOf(token) {
    const parts = [];
    let offset = token.start;
    for (const part of token.text.split(/[-‑]/u)) {
        parts.push({ text: part, start: offset, end: offset + part.length });
        offset += part.length + 1;
    }
    return parts;
}
/** "Russian House" keeps its adjective (it is part of the name); "Russian Riedel" does not. */
function stripDemonyms(tokens, demonyms, options = { keepOne: true }) {
    const last = tokens.at(-1);
    if (last !== undefined && (ORGANISATION_HEADS.has(last.text) || PLACE_HEADS.has(last.text)))
        return [...tokens];
    const kept = [...tokens];
    while (kept.length > (options.keepOne ? 1 : 0) && demonyms.has(kept[0].text))
        kept.shift();
    return kept;
}
function addHeadCues(candidate) {
    const first = candidate.tokens[0]?.text ?? '';
    const last = candidate.tokens.at(-1)?.text ?? '';
    // "University of Salamanca", "Republic of Baku": the head comes before "of".
    const beforeOf = candidate.tokens[candidate.tokens.findIndex((token) => token.text === 'of') - 1]?.text ?? '';
    if ([last, beforeOf].some((head) => ORGANISATION_HEADS.has(head)) || /-(?:Network|News|Media)$/u.test(last))
        candidate.votes.organisation += 3;
    if ([last, beforeOf].some((head) => PLACE_HEADS.has(head)))
        candidate.votes.place += 3;
    if (COMPASS_WORDS.has(first) && candidate.tokens.length >= 2)
        candidate.votes.place += 2;
}
const LOCATIVE = /(?:^|\s)(?:in|from|into|across|throughout|near|inside|outside|within)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*['’]s\s+)?$/u;
const ACCORDING_TO = /according to\s+(?:the\s+)?(?:\p{Lu}\p{Ll}+\s+)?$/iu;
function addContextCues(candidate, sentenceTokens, demonyms, originalStart = candidate.span.start) {
    const { unit } = candidate.span;
    const sentence = unit.sentence;
    const before = sentence.text.slice(0, candidate.span.start - sentence.start);
    const beforeOriginal = sentence.text.slice(0, originalStart - sentence.start);
    const last = candidate.tokens.at(-1);
    const possessive = last?.possessive === true && last.end === candidate.span.end;
    const after = possessive ? '' : sentence.text.slice(candidate.span.end - sentence.start);
    const single = candidate.tokens.length === 1;
    // Nouns after the name: "the Sputnik news agency", "the “Balakan” regions".
    const following = /^[”’"]?\s+([\p{Ll}-]+)(?:\s+([\p{Ll}-]+))?/u.exec(after);
    if (following !== null) {
        const words = [following[1] ?? '', following[2] ?? ''];
        const roleStart = candidate.span.end + following[0].indexOf(words[0]);
        const nounAt = words.findIndex((word) => ORGANISATION_NOUNS.has(word) || PLACE_NOUNS.has(word));
        const noun = words[nounAt];
        if (noun !== undefined) {
            const role = spanOf(unit, roleStart, roleStart + words.slice(0, nounAt + 1).join(' ').length);
            const kind = ORGANISATION_NOUNS.has(noun) ? 'organisation' : 'place';
            candidate.votes[kind] += 2;
            candidate.roles.push({ span: role, kind, weight: kind === 'organisation' ? 1 : 0.5 });
        }
    }
    const alias = /^\s*\((\p{Lu}[\p{L}\p{N}-]*)\)/u.exec(after);
    if (alias !== null) {
        const start = candidate.span.end + alias[0].indexOf('(') + 1;
        candidate.aliases.push(spanOf(unit, start, start + (alias[1] ?? '').length));
    }
    if (LOCATIVE.test(before) || /\bfrom\s+\S+\s+to\s+$/u.test(before))
        candidate.votes.place += 1;
    else if (single && /\bto\s+$/u.test(before) && !/\b(?:according|thanks|due)\s+to\s+$/iu.test(before))
        candidate.votes.place += 0.5;
    // A cited source: "According to Al Jazeera, …", "Euronews reported that …".
    const reporting = /^\s+(\p{Ll}+)\b/u.exec(after);
    const citedAfter = /^\s*,/u.test(after) ||
        /^\s+(?:[\p{Ll}-]+\s+)?([\p{Ll}-]+)\s*,/u
            .exec(after)
            ?.slice(1)
            .some((word) => ORGANISATION_NOUNS.has(word ?? '')) === true;
    if ((ACCORDING_TO.test(beforeOriginal) && citedAfter) || (reporting !== null && REPORTING_VERBS.has(reporting[1] ?? ''))) {
        candidate.votes.organisation += 2.5;
        candidate.source = true;
    }
    addPersonCues(candidate, sentenceTokens, demonyms, { before, after, possessive });
}
function addPersonCues(candidate, sentenceTokens, demonyms, text) {
    const { unit } = candidate.span;
    const documentText = unit.document.text;
    const sentence = unit.sentence;
    // "political analyst Arif Yunusov", "former Azerbaijani official Eldar Namazov".
    const firstIndex = sentenceTokens.findIndex((token) => token.start === candidate.span.start);
    let roleStart;
    const previous = sentenceTokens[firstIndex - 1];
    if (firstIndex > 0 && previous !== undefined && ROLE_NOUNS.has(previous.text) && documentText.slice(previous.tokenEnd, candidate.span.start) === ' ') {
        roleStart = previous.start;
        for (let index = firstIndex - 2; index >= 0; index -= 1) {
            const token = sentenceTokens[index];
            const next = sentenceTokens[index + 1];
            const modifier = (/^\p{Ll}/u.test(token.text) && !STOPWORDS.has(token.text) && !token.possessive) || demonyms.has(token.text);
            if (!modifier || documentText.slice(token.tokenEnd, next.start) !== ' ')
                break;
            roleStart = token.start;
        }
        candidate.votes.person += 3;
        candidate.roles.push({ span: spanOf(unit, roleStart, previous.end), kind: 'person', weight: 1 });
    }
    // An appositive before: "the two victims of the Yekaterinburg incident, brothers Hussein and Ziyaddin Safarov".
    const leadEnd = (roleStart ?? candidate.span.start) - sentence.start;
    const lead = sentence.text.slice(0, leadEnd);
    if (/,\s+$/u.test(lead)) {
        const clause = lead.replace(/,\s+$/u, '');
        const clauseStart = Math.max(clause.lastIndexOf(','), clause.lastIndexOf(';'), clause.lastIndexOf(':'), clause.lastIndexOf('—')) + 1;
        const phrase = bestRolePhrase(clause, clauseStart);
        if (phrase !== undefined) {
            candidate.votes.person += 3;
            candidate.roles.push({ span: spanOf(unit, sentence.start + phrase.start, sentence.start + phrase.end), kind: 'person', weight: 3 });
        }
    }
    // An appositive after: "Toral Ganjali, a member of the Baku Republic parliament, …".
    const appositive = /^,\s+((?:a|an|the)\s+[^,.;:—]{3,80}?)(?=\s*[,.;:—]|$)/u.exec(text.after);
    if (appositive !== null && hasRoleNoun(appositive[1] ?? '')) {
        const start = candidate.span.end + appositive[0].length - (appositive[1] ?? '').length;
        candidate.votes.person += 3;
        candidate.roles.push({ span: spanOf(unit, start, start + (appositive[1] ?? '').length), kind: 'person', weight: 3 });
    }
    const relative = /^,\s+(who\s+[^,.;:—]{3,100})/u.exec(text.after);
    if (relative !== null) {
        const start = candidate.span.end + relative[0].length - (relative[1] ?? '').length;
        candidate.votes.person += 3;
        candidate.roles.push({ span: spanOf(unit, start, start + (relative[1] ?? '').length), kind: 'person', weight: 1.5 });
    }
    // Two or three plain capitalised words with nothing else to go on read as a person's name ("Vladimir Putin").
    const plain = candidate.tokens.length >= 2 && candidate.tokens.length <= 3 && candidate.tokens.every((token) => /^\p{Lu}\p{Ll}+$/u.test(token.text));
    if (plain && !/\bthe\s+$/iu.test(text.before) && !COMPASS_WORDS.has(candidate.tokens[0]?.text ?? ''))
        candidate.votes.person += 1;
}
function hasRoleNoun(phrase) {
    return phrase.split(/[^\p{L}]+/u).some((word) => ROLE_NOUNS.has(word));
}
/** The last "the/a/an …" phrase of a clause that names a role, e.g. "the two victims of the Yekaterinburg incident". */
function bestRolePhrase(clause, from) {
    const determiners = [...clause.slice(from).matchAll(/(?:^|\s)((?:the|a|an)\s)/gu)].map((match) => from + match.index + match[0].length - (match[1] ?? '').length);
    for (const start of determiners.reverse()) {
        const phrase = clause.slice(start);
        if (phrase.split(/\s+/u).length <= 10 && hasRoleNoun(phrase) && !/\b(?:when|while|which|that|who)\b/u.test(phrase))
            return { start, end: clause.length };
    }
    return undefined;
}
/** Names co-ordinated in a list ("Turkey, Azerbaijan, and Armenia") are usually of one kind. */
function linkCoordinated(candidates) {
    const ordered = [...candidates].sort((first, second) => first.span.start - second.span.start);
    for (let index = 0; index + 1 < ordered.length; index += 1) {
        const first = ordered[index];
        const second = ordered[index + 1];
        if (first.tokens.at(-1)?.possessive === true && first.tokens.at(-1)?.end === first.span.end)
            continue;
        const gap = first.span.unit.document.text.slice(first.span.end, second.span.start);
        if (/^[”"’]?(?:\s*,)?\s*(?:(?:and|or)\s+)?(?:the\s+)?[“"‘]?$/u.test(gap) && /,|\band\b|\bor\b/u.test(gap)) {
            first.links.add(second);
            second.links.add(first);
        }
    }
}
function buildEntities(candidates, countries) {
    const groups = new Map();
    for (const candidate of candidates) {
        const group = groups.get(candidate.key);
        if (group === undefined)
            groups.set(candidate.key, [candidate]);
        else
            group.push(candidate);
    }
    const total = (members) => members.reduce((sum, member) => ({
        person: sum.person + member.votes.person,
        organisation: sum.organisation + member.votes.organisation,
        place: sum.place + member.votes.place,
    }), { person: 0, organisation: 0, place: 0 });
    const kinds = new Map();
    for (const [key, members] of groups) {
        const kind = strongest(total(members));
        if (kind !== undefined)
            kinds.set(key, kind);
    }
    // A lone surname belongs to the person of that surname mentioned most recently before it.
    const people = [...groups.entries()].filter(([key, members]) => kinds.get(key) === 'person' && (members[0]?.tokens.length ?? 0) >= 2);
    for (const [key, members] of [...groups.entries()]) {
        if ((members[0]?.tokens.length ?? 0) !== 1)
            continue;
        const owners = people.filter(([personKey]) => personKey !== key && personKey.split(' ').at(-1) === key);
        if (owners.length === 0)
            continue;
        for (const member of members) {
            const position = member.span.unit.position;
            const ranked = owners
                .map(([ownerKey, ownerMembers]) => ({
                ownerKey,
                latest: Math.max(-1, ...ownerMembers.filter((owner) => owner.span.unit.position <= position).map((owner) => owner.span.unit.position)),
                count: ownerMembers.length,
            }))
                .sort((first, second) => second.latest - first.latest || second.count - first.count);
            const ownerKey = ranked[0]?.ownerKey;
            if (ownerKey !== undefined)
                groups.get(ownerKey)?.push(member);
        }
        groups.delete(key);
        kinds.delete(key);
    }
    // Names with no cue of their own take the kind of the names they are listed with.
    for (let round = 0; round < 3; round += 1) {
        for (const [key, members] of groups) {
            if (kinds.has(key))
                continue;
            const neighbours = members.flatMap((member) => [...[...member.links].map((link) => link.key), ...member.partKeys]);
            const votes = { person: 0, organisation: 0, place: 0 };
            for (const neighbour of neighbours) {
                const kind = kinds.get(neighbour);
                if (kind !== undefined)
                    votes[kind] += 1;
            }
            const kind = strongest(votes);
            if (kind !== undefined)
                kinds.set(key, kind);
        }
    }
    const entities = [];
    for (const [key, members] of groups) {
        const kind = kinds.get(key);
        if (kind === undefined)
            continue;
        const own = members.filter((member) => member.key === key);
        const name = mostUsedForm(own.length > 0 ? own : members);
        const mentions = [...members.map((member) => member.span), ...members.flatMap((member) => member.aliases)].sort((first, second) => first.start - second.start || first.unit.document.id.localeCompare(second.unit.document.id));
        const aliases = [...new Set(mentions.map((mention) => mention.text).filter((text) => entityKey(text) !== key))];
        const role = members
            .flatMap((member) => member.roles)
            .filter((candidateRole) => candidateRole.kind === kind)
            .sort((first, second) => second.weight - first.weight || first.span.unit.position - second.span.unit.position)[0]?.span;
        const group = kind === 'person'
            ? 'person'
            : kind === 'organisation'
                ? members.some((member) => member.source)
                    ? 'source'
                    : 'organisation'
                : countries.has(name)
                    ? 'country'
                    : 'place';
        entities.push({ key, name, kind, group, aliases, role, mentions });
    }
    const firstMention = (entity) => entity.mentions[0]?.unit.position ?? 0;
    return entities.sort((first, second) => firstMention(first) - firstMention(second) || (first.mentions[0]?.start ?? 0) - (second.mentions[0]?.start ?? 0));
}
function strongest(votes) {
    const ranked = Object.entries(votes).sort((first, second) => second[1] - first[1]);
    const [best, runnerUp] = ranked;
    if (best === undefined || best[1] <= 0 || (runnerUp !== undefined && runnerUp[1] === best[1]))
        return undefined;
    return best[0];
}
function mostUsedForm(members) {
    const counts = new Map();
    for (const member of members)
        counts.set(member.span.text, (counts.get(member.span.text) ?? 0) + 1);
    return [...counts.entries()].sort((first, second) => second[0].split(' ').length - first[0].split(' ').length || second[1] - first[1])[0]?.[0] ?? '';
}
//# sourceMappingURL=recognise-entities.js.map