import { describe, expect, it } from 'vitest';
import { reportSchema, type Report } from '../../../src/domain/report';
import { matchesFilter, reportSearchText } from '../../../src/domain/reportText';
import { minimalInput } from './reportFixtures';

function report(patch: Record<string, unknown>): Report {
  return reportSchema.parse({ ...minimalInput('meeting_disrupted'), ...patch });
}

const meeting = report({
  narrative: 'Группа людей сорвала встречу инициативной группы партии в кафе.',
  when: { value: '2024-03-08T19:30', precision: 'exact' },
  where: { region: 'Алматинская область', city: 'Қонаев', venue: 'Кафе «Шаңырақ»' },
  peopleAffected: [{ name: 'Ерлан Ж.', role: 'организатор', affiliation: 'Алга' }],
  tags: ['Партия'],
  details: { organiser: 'Инициативная группа', disruptedBy: 'Неизвестные в масках' },
});

describe('reportSearchText', () => {
  it('holds the narrative, place, people, tags and details text, lower-cased', () => {
    const text = reportSearchText(meeting);
    for (const part of ['сорвала встречу', 'алматинская', 'қонаев', 'шаңырақ', 'ерлан ж.', 'организатор', 'алга', 'партия', 'в масках']) {
      expect(text).toContain(part);
    }
    expect(text).toBe(text.toLowerCase());
  });

  it('leaves out ids and closed-list values that are not the monitor\'s words', () => {
    expect(reportSearchText(meeting)).not.toContain(meeting.id);
    expect(reportSearchText(meeting)).not.toContain('meeting_disrupted');
  });
});

describe('matchesFilter', () => {
  it('matches everything with an empty filter', () => {
    expect(matchesFilter(meeting, {})).toBe(true);
    expect(matchesFilter(meeting, { text: '  ', city: '', from: '', to: '' })).toBe(true);
  });

  it('needs every word of the text, in any order and case', () => {
    expect(matchesFilter(meeting, { text: 'МАСКАХ встречу' })).toBe(true);
    expect(matchesFilter(meeting, { text: 'встречу суд' })).toBe(false);
  });

  it('finds ё typed as е and keeps Kazakh letters distinct', () => {
    const withYo = report({ narrative: 'Пришёл участковый.' });
    expect(matchesFilter(withYo, { text: 'пришел' })).toBe(true);
    expect(matchesFilter(meeting, { text: 'конаев' })).toBe(false);
    expect(matchesFilter(meeting, { text: 'қонаев' })).toBe(true);
  });

  it('filters by incident type', () => {
    expect(matchesFilter(meeting, { incidentType: 'meeting_disrupted' })).toBe(true);
    expect(matchesFilter(meeting, { incidentType: 'fine' })).toBe(false);
  });

  it('filters by whole city name, case-insensitively', () => {
    expect(matchesFilter(meeting, { city: ' ҚОНАЕВ ' })).toBe(true);
    expect(matchesFilter(meeting, { city: 'Қона' })).toBe(false);
  });

  it('filters by region', () => {
    expect(matchesFilter(meeting, { region: 'алматинская область' })).toBe(true);
    expect(matchesFilter(meeting, { region: 'Абайская область' })).toBe(false);
  });

  it('includes both ends of a date range', () => {
    expect(matchesFilter(meeting, { from: '2024-03-08', to: '2024-03-08' })).toBe(true);
    expect(matchesFilter(meeting, { from: '2024-03-09' })).toBe(false);
    expect(matchesFilter(meeting, { to: '2024-03-07' })).toBe(false);
  });

  it('matches a report dated by month when the month overlaps the range', () => {
    const march = report({ when: { value: '2024-03', precision: 'month' } });
    expect(matchesFilter(march, { from: '2024-03-31' })).toBe(true);
    expect(matchesFilter(march, { to: '2024-03-01' })).toBe(true);
    expect(matchesFilter(march, { from: '2024-04-01' })).toBe(false);
    expect(matchesFilter(march, { to: '2024-02-29' })).toBe(false);
  });

  it('reads an exact time by its written date, whatever its offset', () => {
    const lateUtc = report({ when: { value: '2024-03-08T23:30Z', precision: 'exact' } });
    expect(matchesFilter(lateUtc, { from: '2024-03-08', to: '2024-03-08' })).toBe(true);
  });

  it('names a malformed date bound', () => {
    expect(() => matchesFilter(meeting, { from: '08.03.2024' })).toThrow(/filter\.from/);
    expect(() => matchesFilter(meeting, { to: '2024-3-8' })).toThrow(/filter\.to/);
  });
});
