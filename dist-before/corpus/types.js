/**
 * The shapes every later stage shares. Offsets (`start`, `end`) are indices into `CorpusDocument.text`,
 * which is the corpus file decoded exactly as it is on disk (a UTF-8 BOM and CRLF line ends included),
 * so `text.slice(start, end)` is the quoted text, character for character.
 */
export {};
//# sourceMappingURL=types.js.map