/**
 * Putting text of the corpus or of a user into a prompt, and reading the model's prose back. Text inside a
 * prompt is fenced in tags the system prompt calls data; these keep it from closing or opening those tags.
 */

/** `text` with any of `tags` opening or closing written with a look-alike bracket, so it stays inside its fence. */
export function fenced(text: string, tags: readonly string[]): string {
  return text.replace(new RegExp(`<(\\/?)(${tags.join('|')})\\b`, 'gi'), '‹$1$2');
}

/** A value for an attribute of a fencing tag: one line, no double quotes. */
export function attributeValue(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/"/g, "'");
}

/** The model's prose on one line, cut at a word before `limit` characters (with "…") when longer. */
export function oneLine(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), limit / 2))}…`;
}

/** Text clipped to `limit` characters on one line (with "…"), for earlier turns quoted back to the model. */
export function clip(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit)}…`;
}
