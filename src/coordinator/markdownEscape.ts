// Characters that start Markdown (CommonMark and GitHub's extensions) inside a line: emphasis, code,
// links and images, raw HTML and autolinks, entities, tables, strikethrough. A backslash before any
// ASCII punctuation shows it literally.
const inline = /[\\`*_[\]<>#|~&]/g;

// What would start a block if it began a line: a list item ('-', '+', '1.', '1)'), a quote, a heading,
// a thematic break or setext underline, a code fence (caught above) or indented code (whitespace).
const lineStart = /^([-+=>]|\d+(?=[.)]))/;

/**
 * User text as Markdown that renders as exactly that text, on one line: inline markup characters
 * are escaped, every run of whitespace (line breaks included) becomes one space, and a leading
 * block marker is escaped, so a narrative cannot make a heading, list, link, image or HTML tag.
 */
export function markdownEscape(text: string): string {
  const oneLine = text.replace(/\s+/gu, ' ').trim();
  return oneLine.replace(inline, '\\$&').replace(lineStart, (marker) => (/^\d/.test(marker) ? `${marker}\\` : `\\${marker}`));
}
