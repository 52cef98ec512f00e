/** Safe file names from titles and names. */

/**
 * "How Baku is playing with fire—without getting burned" → "how-baku-is-playing-with-fire-without-getting-burned":
 * ASCII letters and digits joined by single hyphens, accents dropped, at most `maxLength` characters; '' when
 * nothing is left (the caller names a fallback).
 */
export function fileNameSlug(text: string, maxLength: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, maxLength)
    .replace(/-+$/u, '');
}
