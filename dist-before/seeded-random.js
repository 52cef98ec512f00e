/**
 * A small seeded generator, so the same seed gives the same quiz, or the same synthetic benchmark corpus,
 * on every machine and Node version (Math.random cannot be seeded). xmur3 turns any text into a 32-bit
 * seed; mulberry32 draws from it.
 */
export function seededRandom(seed) {
    let state = hashSeed(String(seed));
    const next = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let value = state;
        value = Math.imul(value ^ (value >>> 15), value | 1);
        value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
        return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
    };
    const below = (bound) => Math.floor(next() * bound);
    return {
        next,
        below,
        shuffle(items) {
            const copy = [...items];
            for (let index = copy.length - 1; index > 0; index -= 1) {
                const other = below(index + 1);
                [copy[index], copy[other]] = [copy[other], copy[index]];
            }
            return copy;
        },
        pick(items) {
            if (items.length === 0)
                throw new Error('cannot pick from an empty list');
            return items[below(items.length)];
        },
    };
}
function hashSeed(text) {
    let hash = 1779033703 ^ text.length;
    for (let index = 0; index < text.length; index += 1) {
        hash = Math.imul(hash ^ text.charCodeAt(index), 3432918353);
        hash = (hash << 13) | (hash >>> 19);
    }
    hash = Math.imul(hash ^ (hash >>> 16), 2246822507);
    hash = Math.imul(hash ^ (hash >>> 13), 3266489909);
    return (hash ^ (hash >>> 16)) >>> 0;
}
//# sourceMappingURL=seeded-random.js.map