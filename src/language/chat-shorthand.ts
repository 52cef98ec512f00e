/**
 * How people type in a chat: the common English shorthands students use in questions ("how many ppl
 * died", "why did they do it bc of the war", "wat happened"), written out so the question reads as English.
 * General English only — never a word of any text footnote reads.
 */
const SHORTHAND: ReadonlyMap<string, string> = new Map([
  ['ppl', 'people'],
  ['ppls', 'peoples'],
  ['bc', 'because'],
  ['bcs', 'because'],
  ['cuz', 'because'],
  ['coz', 'because'],
  ['bcoz', 'because'],
  ['govt', 'government'],
  ['gov', 'government'],
  ['govts', 'governments'],
  ['wat', 'what'],
  ['wut', 'what'],
  ['wht', 'what'],
  ['abt', 'about'],
  ['bout', 'about'],
  ['b4', 'before'],
  ['btwn', 'between'],
  ['w/o', 'without'],
  ['tho', 'though'],
  ['thru', 'through'],
  ['u', 'you'],
  ['ur', 'your'],
  ['r', 'are'],
  ['pls', 'please'],
  ['plz', 'please'],
  ['rn', 'right now'],
  ['intl', 'international'],
  ['approx', 'approximately'],
  ['yr', 'year'],
  ['yrs', 'years'],
  ['hrs', 'hours'],
  ['mins', 'minutes'],
  ['ppl’s', 'people’s'],
  ['tmrw', 'tomorrow'],
  ['tmr', 'tomorrow'],
  ['yday', 'yesterday'],
  // Contractions typed without the apostrophe ("whats the zangezur corridor"); only those no English word is spelt as.
  ['whats', 'what is'],
  ['wheres', 'where is'],
  ['whos', 'who is'],
  ['hows', 'how is'],
  ['whens', 'when is'],
  ['whys', 'why is'],
  ['thats', 'that is'],
  ['theres', 'there is'],
  ['dont', 'do not'],
  ['doesnt', 'does not'],
  ['didnt', 'did not'],
  ['isnt', 'is not'],
  ['wasnt', 'was not'],
  ['werent', 'were not'],
  ['arent', 'are not'],
  ['cant', 'cannot'],
  ['couldnt', 'could not'],
  ['wouldnt', 'would not'],
  ['shouldnt', 'should not'],
  ['hasnt', 'has not'],
  ['havent', 'have not'],
  ['hadnt', 'had not'],
  ['wont', 'will not'],
  ['theyre', 'they are'],
  ['youre', 'you are'],
]);

/**
 * The shorthand's written-out form, or undefined when the word is not a known chat shorthand. Only as
 * typed in lower case: "U.S." or "GOV" in a title are not chat.
 */
export function expandShorthand(word: string): string | undefined {
  return word === word.toLowerCase() ? SHORTHAND.get(word) : undefined;
}

/** "y did baku close it": a lone "y" opening a question, before the verb a question goes on with, is "why". */
const Y_FOR_WHY =
  /^(\s*)y(?=\s+(?:did|do|does|is|are|r|was|were|would|should|can|could|will|has|have|had|cant|dont|didnt|doesnt|isnt|arent|wasnt|werent|wont)\b)/u;

/** The text with every whole-word shorthand written out ("how many ppl died" → "how many people died"). */
export function writeOutShorthand(text: string): string {
  return text
    .replace(Y_FOR_WHY, '$1why')
    .replace(/(?<![\p{L}\p{N}’'./])[\p{L}\p{N}/’']+(?![\p{L}\p{N}’'/]|\.\p{L})/gu, (word) => expandShorthand(word) ?? word);
}
