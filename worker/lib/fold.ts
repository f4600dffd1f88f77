// One Unicode fold for search, applied alike to the text searched and to `q`, so that a search is
// case-insensitive in every script and deaf to how a character happens to be encoded:
// 1. NFKC normalisation (composed and decomposed forms, ligatures, full-width letters, ellipsis);
// 2. full case folding through the runtime's own Unicode case mappings: lower, upper, lower, so
//    the one-to-many mappings take effect ("ß" and "ẞ" both become "ss", "ﬀ" becomes "ff"), and
//    final sigma "ς" folded to "σ" (lower-casing alone writes it by position in the word);
// 3. typographic punctuation folded to its ASCII form (’ ‘ to ', “ ” « » to ", – — − to -), and
//    invisible format characters (soft hyphen, zero-width joiners) dropped.
// SQLite's lower() folds ASCII only and D1 has no ICU, so the fold runs in the worker, never in SQL.

/** Typographic punctuation and its ASCII form. */
const PUNCTUATION: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u02BC': "'",
  '\u2039': "'",
  '\u203A': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
}
const TYPOGRAPHIC = new RegExp(`[${Object.keys(PUNCTUATION).join('')}]`, 'g')
/** Default-ignorable format characters that change nothing a reader sees. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g

/** `text` folded for comparison: NFKC, full case fold, ASCII punctuation (see above). */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase()
    .replace(/\u03C2/g, '\u03C3')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(TYPOGRAPHIC, (ch) => PUNCTUATION[ch]!)
}

/** The distinct folded words of a query, in order: each must appear in what it matches. */
export function searchWords(q: string): string[] {
  return [...new Set(fold(q).split(/\s+/).filter(Boolean))]
}
