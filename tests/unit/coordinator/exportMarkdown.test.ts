import { describe, expect, it } from 'vitest';
import { exportFormatters } from '../../../src/coordinator/exportFormatters';
import { exportMarkdown } from '../../../src/coordinator/exportMarkdown';
import type { Report } from '../../../src/domain/report';
import { testReport } from '../bundle/bundleTestKit';
import { documentOf } from './exportTestDocument';

/** Section heading -> the report ids of its paragraphs, in order (from the comment before each). */
function sections(markdown: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const part of markdown.split(/^## /m).slice(1)) {
    const [heading = '', ...body] = part.split('\n');
    result.set(heading, [...body.join('\n').matchAll(/<!-- report ([0-9a-f-]+),/g)].map((match) => match[1] ?? ''));
  }
  return result;
}

/** The paragraph of one report: the line after its comment. */
function paragraphOf(markdown: string, report: Report): string {
  const lines = markdown.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`<!-- report ${report.id},`));
  if (at === -1) throw new Error(`no paragraph for ${report.id}`);
  return lines[at + 1] ?? '';
}

/** Markdown punctuation in `text` not shown literally (not preceded by an odd number of backslashes). */
function unescaped(text: string, characters: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (!characters.includes(char)) continue;
    let backslashes = 0;
    while (text[i - 1 - backslashes] === '\\') backslashes += 1;
    if (backslashes % 2 === 0) found.push(`${char}@${i}`);
  }
  return found;
}

describe('exportMarkdown', () => {
  it('groups by freedom in a fixed order, then by date, each report once under its first freedom', () => {
    const laterInMarch = testReport(1, { freedoms: ['association'], when: { value: '2026-03-20', precision: 'day' } });
    const someDayInMarch = testReport(2, { freedoms: ['association'], when: { value: '2026-03', precision: 'month' } });
    const assemblyAndExpression = testReport(3, { freedoms: ['peaceful_assembly', 'expression'], when: { value: '2026-03-05T09:15', precision: 'exact' } });
    const expression = testReport(4, { freedoms: ['expression'], when: { value: '2026-02-28', precision: 'day' } });
    const noFreedom = testReport(5, { freedoms: [], when: { value: '2026-03-02', precision: 'day' } });
    const earlyInMarch = testReport(6, { freedoms: ['association'], when: { value: '2026-03-03', precision: 'day' } });
    const markdown = exportMarkdown(documentOf(laterInMarch, noFreedom, assemblyAndExpression, someDayInMarch, expression, earlyInMarch));

    expect([...sections(markdown).entries()]).toEqual([
      ['Freedom of association', [someDayInMarch.id, earlyInMarch.id, laterInMarch.id]],
      ['Freedom of peaceful assembly', [assemblyAndExpression.id]],
      ['Freedom of expression', [expression.id]],
      ['Other incidents (no freedom marked)', [noFreedom.id]],
    ]);
    expect(paragraphOf(markdown, assemblyAndExpression)).toContain('Also concerns freedom of expression.');
    expect(markdown.startsWith('# Monitoring update: February–March 2026\n')).toBe(true);
  });

  it('shows every freedom, says when one has no incidents, and leaves out an empty "Other"', () => {
    const markdown = exportMarkdown(documentOf(testReport(1, { freedoms: ['expression'], when: { value: '2026-03-12', precision: 'day' } })));
    expect([...sections(markdown).keys()]).toEqual(['Freedom of association', 'Freedom of peaceful assembly', 'Freedom of expression']);
    expect(markdown).toMatch(/## Freedom of association\n\nNo incidents in this export\./);
    expect(markdown.startsWith('# Monitoring update: March 2026\n')).toBe(true);
    expect(markdown).toContain('from 1 report on 1 April 2026');
  });

  it('names a person who consented and never one who did not (acceptance)', () => {
    const report = testReport(1, {
      narrative: 'Police detained Aigerim Sadykova and Daniyar Bekov at the founding meeting. Bekov was held overnight; police told DANIYAR to stop.',
      where: { city: 'Almaty', region: '', venue: 'flat of Daniyar Bekov' },
      peopleAffected: [
        { name: 'Aigerim Sadykova', role: 'activist', affiliation: 'Democratic Party', consentToPublish: true },
        { name: 'Daniyar Bekov', role: 'journalist', affiliation: 'Vlast', consentToPublish: false },
      ],
    });
    const document = documentOf(report);
    // Positive control: the withheld name is in the document handed to the exporter.
    expect(JSON.stringify(document)).toContain('Daniyar Bekov');
    const markdown = exportMarkdown(document);
    expect(paragraphOf(markdown, report)).toContain('People affected: Aigerim Sadykova, activist, Democratic Party; (name withheld), journalist, Vlast.');
    expect(markdown).toContain('Police detained Aigerim Sadykova and (name withheld) at the founding meeting.');
    for (const part of ['Daniyar', 'Bekov', 'DANIYAR']) expect(markdown).not.toContain(part);
    expect(exportFormatters.md(document)).toBe(markdown);
  });

  it('blanks a withheld name in its Russian forms too', () => {
    const report = testReport(1, {
      narrative: 'Сотрудники полиции задержали Нурлана Ахметова у дома; Ахметову не дали позвонить адвокату.',
      peopleAffected: [{ name: 'Нурлан Ахметов', role: 'активист', affiliation: '', consentToPublish: false }],
    });
    const markdown = exportMarkdown(documentOf(report));
    expect(markdown).toContain('задержали (name withheld) (name withheld) у дома');
    expect(markdown).not.toMatch(/Нурлан|Ахметов/);
  });

  it('escapes user text: a narrative cannot make a heading, list, quote, link, image, code or HTML', () => {
    const narrative = '# Heading [link](http://x) <script>alert(1)</script> ![img](http://x/i.png) *bold* `code` | a | b |\n# Second heading\n- item\n> quote\n1. one\n```\nfenced\n<div>&amp;</div>';
    const report = testReport(1, {
      narrative,
      peopleAffected: [{ name: '**Aigerim** [x](http://y)', role: '<b>activist</b>', affiliation: '', consentToPublish: true }],
    });
    const markdown = exportMarkdown(documentOf(report), { title: 'Update <b>#1</b>\n# Injected' });

    // Only the title and the section headings start lines with '#'; nothing else starts a block.
    expect(markdown.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '# Update \\<b\\>\\#1\\</b\\> \\# Injected',
      '## Freedom of association',
      '## Freedom of peaceful assembly',
      '## Freedom of expression',
    ]);
    expect(markdown.split('\n').filter((line) => /^(\s*[-+>]|\s*\d+[.)]|\s*```|\s{4})/.test(line))).toEqual([]);
    const paragraph = paragraphOf(markdown, report);
    const body = paragraph.replace(/^\*\*Meeting disrupted\.\*\* /, '');
    expect(body).not.toBe(paragraph);
    expect(unescaped(body, '[]<>#*_`|~&')).toEqual([]);
    // The text itself is all still there, shown literally.
    expect(body).toContain('\\# Heading \\[link\\](http://x) \\<script\\>alert(1)\\</script\\>');
    expect(body).toContain('\\*\\*Aigerim\\*\\* \\[x\\](http://y), \\<b\\>activist\\</b\\>');
  });

  it('says the date only as precisely as the monitor recorded it', () => {
    const month = testReport(1, { when: { value: '2026-03', precision: 'month' } });
    const day = testReport(2, { when: { value: '2026-03-12', precision: 'day' } });
    const exact = testReport(3, { when: { value: '2026-03-12T14:30', precision: 'exact' } });
    const withOffset = testReport(4, { when: { value: '2026-03-12T07:05:59+05:00', precision: 'exact' } });
    const markdown = exportMarkdown(documentOf(month, day, exact, withOffset));
    expect(paragraphOf(markdown, month)).toMatch(/^\*\*Meeting disrupted\.\*\* In March 2026, in Konaev, Almaty Region: /);
    expect(paragraphOf(markdown, day)).toContain('** On 12 March 2026, in Konaev');
    expect(paragraphOf(markdown, exact)).toContain('** On 12 March 2026 at 14:30, in Konaev');
    expect(paragraphOf(markdown, withOffset)).toContain('** On 12 March 2026 at 07:05 (UTC+05:00), in Konaev');
    expect(paragraphOf(markdown, month)).not.toMatch(/\bOn\b|\b1 March/);
  });

  it('writes who, where, legal basis and outcome as sentences', () => {
    const report = testReport(1, {
      incidentType: 'detention_or_arrest',
      when: { value: '2026-03-12', precision: 'day' },
      where: { city: 'Almaty', region: 'Almaty Region', venue: 'Republic Square' },
      narrative: 'Detained while holding a blank sheet of paper',
      numberAffected: 3,
      actors: ['police', 'court'],
      legalBasis: [{ code: 'administrative_offences', article: '488' }],
      outcome: { kind: 'administrative_arrest', days: 10 },
      source: 'lawyer',
      freedoms: ['peaceful_assembly'],
    });
    expect(paragraphOf(exportMarkdown(documentOf(report)), report)).toBe(
      '**Detention or arrest.** On 12 March 2026, in Almaty, Almaty Region (Republic Square): Detained while holding a blank sheet of paper. ' +
        'Number of people affected: 3. Who acted: police, court. Legal basis: Article 488 of the Code on Administrative Offences. ' +
        'Outcome: 10 days of administrative arrest. Source: lawyer.',
    );
    const fined = testReport(2, { outcome: { kind: 'fine', amount: 150_000, currency: 'KZT' }, legalBasis: [{ code: 'criminal', article: '405 part 2' }] });
    const unknown = testReport(3, { outcome: { kind: 'unknown' } });
    const markdown = exportMarkdown(documentOf(fined, unknown));
    expect(paragraphOf(markdown, fined)).toContain('Legal basis: Article 405 part 2 of the Criminal Code. Outcome: a fine of 150,000 KZT.');
    expect(paragraphOf(markdown, unknown)).not.toContain('Outcome');
  });

  it('has a title for an empty export and for reports spanning a new year', () => {
    expect(exportMarkdown(documentOf()).split('\n')[0]).toBe('# Monitoring update');
    const december = testReport(1, { when: { value: '2025-12-30', precision: 'day' } });
    const january = testReport(2, { when: { value: '2026-01', precision: 'month' } });
    expect(exportMarkdown(documentOf(january, december)).split('\n')[0]).toBe('# Monitoring update: December 2025 – January 2026');
  });
});
