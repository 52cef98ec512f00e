/**
 * British and American spellings of one word ("apologised" / "apologized", "colour" / "color", "centre" /
 * "center", "defence" / "defense", "travelled" / "traveled", "catalogue" / "catalog"): the regular
 * rewrites of English orthography, both ways. A question written in one spelling is read in the text's.
 */

/** Each rewrite, as [pattern, replacement]; applied to the end of a lower-case word. */
const REWRITES: readonly (readonly [RegExp, string])[] = [
  [/is(e|ed|es|ing|ation|ations|er|ers)$/u, 'iz$1'],
  [/iz(e|ed|es|ing|ation|ations|er|ers)$/u, 'is$1'],
  [/ys(e|ed|es|ing)$/u, 'yz$1'],
  [/yz(e|ed|es|ing)$/u, 'ys$1'],
  [/our(s|ed|ing|ite|ites|able|ful)?$/u, 'or$1'],
  [/([^o])or(s|ed|ing|ite|ites|able|ful)?$/u, '$1our$2'],
  [/([bt])re(s|d)?$/u, '$1er$2'],
  [/([bt])er(s|ed)?$/u, '$1re$2'],
  [/ence(s)?$/u, 'ense$1'],
  [/ense(s)?$/u, 'ence$1'],
  [/([aeiou])ll(ed|ing|er|ers)$/u, '$1l$2'],
  [/([aeiou])l(ed|ing|er|ers)$/u, '$1ll$2'],
  [/ogue(s)?$/u, 'og$1'],
  [/og(s)?$/u, 'ogue$1'],
];

/** The word's other spellings by those rewrites (none for a word no rewrite fits), the word itself excluded. */
export function spellingVariants(word: string): string[] {
  const variants: string[] = [];
  for (const [pattern, replacement] of REWRITES) {
    if (!pattern.test(word)) continue;
    const variant = word.replace(pattern, replacement);
    if (variant !== word && variant.length >= 4 && !variants.includes(variant)) variants.push(variant);
  }
  return variants;
}

/** The first other spelling of a word that `known` accepts (the text uses it), if any. */
export function knownSpelling(word: string, known: (variant: string) => boolean): string | undefined {
  return spellingVariants(word).find(known);
}
