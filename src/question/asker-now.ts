/**
 * "what time is it", "what day is it today", "whats the date", "what time is it in tokyo", "hows the weather
 * today": a question about the asker's present moment. A text a group reads was written before it, so it can
 * never answer, whatever words it shares ("at a time when…", "in recent days", "the national weather agency").
 * Only the present tense counts: "what time was it" asks about something the text told, usually as a follow-up.
 */

/** The calendar and clock nouns such a question asks for, and how the abstention names what it cannot tell. */
const MOMENTS: Readonly<Record<string, string>> = {
  time: 'what time it is now',
  hour: 'what time it is now',
  day: 'what day it is today',
  date: "today's date",
  month: 'what month it is now',
  year: 'what year it is now',
  weather: 'what the weather is like now',
};

/** Words that may close the question without giving it a subject of its own ("right now", "in tokyo"; not "in the story"). */
const NOW = String.raw`(?:\s+(?:right\s+)?now|\s+rn|\s+today|\s+currently|\s+at\s+the\s+moment|\s+(?:over\s+)?there|\s+in\s+(?!(?:the|this|that)\s+(?:text|story|article|book|passage|chapter|novel|poem|play|scene|reading|document)\b)[\p{L}'’ -]{2,40})`;
const WHAT = String.raw`^(?:so\s+|hey\s+|and\s+|ok\s+)?(?:what|wat|wht)`;
const END = String.raw`\s*[?!.]*$`;
const MOMENT = String.raw`(time|hour|day|date|month|year)(?:\s+of\s+the\s+(?:week|month|year))?`;

/** "what time is it (now)", "what day's it today". */
const MOMENT_IS_IT = new RegExp(String.raw`${WHAT}\s+${MOMENT}\s+(?:is\s+it|it\s+is|['’]?s\s+it)${NOW}?${END}`, 'iu');
/** "whats the time (in tokyo)", "what is the date today"; "what's the date" alone may ask the text's own date, so a date needs "today". */
const IS_THE_MOMENT = new RegExp(String.raw`${WHAT}(?:\s*['’]?s|\s+is)\s+(?:the\s+)?${MOMENT}(${NOW})?${END}`, 'iu');

/**
 * "whats the weather (like) today", "how's the weather outside": the weather where the asker is, now. Without
 * "today" or "now" it may ask what a text about a place says of its weather ("what is the weather like in valencia").
 */
const WEATHER_NOW = new RegExp(
  String.raw`^(?:so\s+|hey\s+|and\s+|ok\s+)?(?:what|wat|wht|how)(?:\s*['’]?s|\s+is)\s+(?:the\s+)?weather(?:\s+like)?(?:\s+(?:(?:right\s+)?now|rn|today|tonight|outside|currently|at\s+the\s+moment))(?:\s+(?:in|at)\s+[\p{L}'’ -]{2,40})?${END}`,
  'iu',
);

/** What the question asks of the asker's present, in words for the abstention ("what time it is now"), if it is such a question. */
export function askerNowWords(question: string): string | undefined {
  const text = question.trim();
  if (WEATHER_NOW.test(text)) return MOMENTS.weather;
  const isIt = MOMENT_IS_IT.exec(text);
  if (isIt !== null) return MOMENTS[isIt[1]!.toLowerCase()];
  const isThe = IS_THE_MOMENT.exec(text);
  if (isThe === null) return undefined;
  const moment = isThe[1]!.toLowerCase();
  // "what's the time" can only be the asker's; "what's the day/date/year" may ask the text's own, unless "today" or "now" says otherwise.
  return moment === 'time' || moment === 'hour' || isThe[2] !== undefined ? MOMENTS[moment] : undefined;
}
