import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actors } from '../../../src/domain/actors';
import { datePrecisions } from '../../../src/domain/calendarDate';
import { fieldErrorCodes } from '../../../src/domain/fieldError';
import { fieldLabelKey } from '../../../src/domain/fieldLabelKey';
import { freedoms } from '../../../src/domain/freedoms';
import { detailChoiceLists, incidentDetailFields } from '../../../src/domain/incidentDetails';
import { incidentTypes } from '../../../src/domain/incidentTypes';
import { legalCodes } from '../../../src/domain/legalCodes';
import { outcomeKinds } from '../../../src/domain/outcome';
import { passphraseProblems } from '../../../src/domain/passphraseStrength';
import { coordinatePrecisions } from '../../../src/domain/report';
import { sources } from '../../../src/domain/sources';
import { domain as en, type DomainMessages } from '../../../src/ui/i18n/locales/en/domain';
import { domain as kk, reviewStatus as kkStatus } from '../../../src/ui/i18n/locales/kk/domain';
import { domain as ru, reviewStatus as ruStatus } from '../../../src/ui/i18n/locales/ru/domain';
import { fullInput } from './reportFixtures';

const languages = { en, ru, kk } as const;

function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof value !== 'object' || value === null) return out.set(prefix, value);
  for (const [key, child] of Object.entries(value)) {
    for (const [path, leaf] of leaves(child, prefix === '' ? key : `${prefix}.${key}`)) out.set(path, leaf);
  }
  return out;
}

function lookup(messages: object, key: string): unknown {
  let value: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Every path inside a report, groups and leaves, as FieldError paths name them. */
function reportPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const children = Object.entries(value).flatMap(([key, child]) =>
    reportPaths(child, prefix === '' ? key : `${prefix}.${key}`),
  );
  return [prefix, ...children];
}

describe('domain messages', () => {
  it('have the same keys in English, Russian and Kazakh', () => {
    const enKeys = [...leaves(en).keys()].sort();
    expect(enKeys.length).toBeGreaterThan(100);
    expect([...leaves(ru).keys()].sort()).toEqual(enKeys);
    expect([...leaves(kk).keys()].sort()).toEqual(enKeys);
  });

  it('have no empty or untranslated strings', () => {
    const enLeaves = leaves(en);
    for (const [language, messages] of Object.entries(languages)) {
      for (const [key, text] of leaves(messages)) {
        expect(typeof text, `${language} ${key}`).toBe('string');
        expect(String(text).trim(), `${language} ${key}`).not.toBe('');
        if (language !== 'en') expect(text, `${language} ${key} is still English`).not.toBe(enLeaves.get(key));
      }
    }
  });

  it.each(Object.entries(languages))('label every closed-list value of the domain in %s', (_language, messages) => {
    const required: [string, readonly (string | number)[]][] = [
      ['incidentTypes', incidentTypes],
      ['incidentTypeHints', incidentTypes],
      ['actors', actors],
      ['freedoms', freedoms],
      ['sources', sources],
      ['outcomes', outcomeKinds],
      ['legalCodes', legalCodes],
      ['precision', datePrecisions],
      ['coordinatePrecision', coordinatePrecisions],
      ['errors', fieldErrorCodes],
      ['passphrase', passphraseProblems],
      ['passphraseScores', [0, 1, 2, 3, 4]],
      ...Object.entries(detailChoiceLists).map(([list, values]): [string, readonly string[]] => [
        `detailChoices.${list}`,
        values,
      ]),
    ];
    for (const [group, values] of required) {
      for (const value of values) {
        expect(typeof lookup(messages, `${group}.${String(value)}`), `${group}.${String(value)}`).toBe('string');
      }
    }
  });

  it.each(Object.entries(languages))('label every field a FieldError can point at in %s', (_language, messages) => {
    const paths = new Set<string>(['', 'outcome.amount', 'outcome.currency', 'outcome.months']);
    for (const type of incidentTypes) for (const path of reportPaths(fullInput(type))) paths.add(path);
    for (const fields of Object.values(incidentDetailFields)) {
      for (const name of Object.keys(fields)) paths.add(`details.${name}`);
    }
    for (const path of paths) {
      expect(typeof lookup(messages, fieldLabelKey(path)), `${path} -> ${fieldLabelKey(path)}`).toBe('string');
    }
  });

  it('mark the Russian and Kazakh files as machine translations awaiting review', () => {
    for (const [language, status] of [['ru', ruStatus], ['kk', kkStatus]] as const) {
      expect(status).toBe('machine-translated');
      const source = readFileSync(new URL(`../../../src/ui/i18n/locales/${language}/domain.ts`, import.meta.url), 'utf8');
      expect(source.split('\n')[0]).toBe(
        `// REVIEW: machine translation (${language}) — needs review by a native speaker before release.`,
      );
    }
  });

  it('write Kazakh with Kazakh letters and Russian without them', () => {
    const kazakhOnly = /[әғқңөұүһі]/iu;
    const kkText = [...leaves(kk).values()].join(' ');
    const ruText = [...leaves(ru).values()].join(' ');
    expect(kkText.match(new RegExp(kazakhOnly, 'giu'))?.length ?? 0).toBeGreaterThan(100);
    expect(ruText).not.toMatch(kazakhOnly);
    expect(ruText).toMatch(/[а-яё]/u);
  });

  it('use the agreed legal terms', () => {
    expect(ru.outcomes.administrative_arrest).toBe('Административный арест');
    expect(kk.outcomes.administrative_arrest).toBe('Әкімшілік қамаққа алу');
    expect(ru.legalCodes.administrative_offences).toBe('Кодекс об административных правонарушениях');
    expect(kk.legalCodes.administrative_offences).toBe('Әкімшілік құқық бұзушылық туралы кодекс');
  });

  it('fail typecheck when a translation misses a key', () => {
    // @ts-expect-error errors.required is missing
    const missing: DomainMessages = { ...ru, errors: { ...ru.errors, required: undefined } };
    expect(missing.errors.required).toBeUndefined();
  });
});
