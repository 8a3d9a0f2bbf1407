import { describe, expect, it } from 'vitest';
import { app as en } from '../../../src/ui/i18n/locales/en/app';
import { app as kk, reviewStatus as kkReview } from '../../../src/ui/i18n/locales/kk/app';
import { app as ru, reviewStatus as ruReview } from '../../../src/ui/i18n/locales/ru/app';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as [dotted key, text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const translations = { ru, kk } as const;

describe("the 'app' namespace in English, Russian and Kazakh", () => {
  const english = new Map(leaves(en));

  it.each(Object.entries(translations))('%s has exactly the English keys', (_, messages) => {
    expect(leaves(messages).map(([key]) => key).sort()).toEqual([...english.keys()].sort());
  });

  it.each(Object.entries(translations))('%s uses the same {{placeholders}} as English in every message', (_, messages) => {
    const mismatched = leaves(messages).filter(([key, text]) => placeholders(text).join() !== placeholders(english.get(key) ?? '').join());
    expect(mismatched).toEqual([]);
  });

  it.each(Object.entries({ en, ru, kk }))('%s has no empty message', (_, messages) => {
    expect(leaves(messages).filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it.each(Object.entries(translations))('%s is actually translated, not English copied over', (_, messages) => {
    // Short shared words (e.g. "Dala", unit abbreviations) may match; most messages must not.
    const same = leaves(messages).filter(([key, text]) => text === english.get(key));
    expect(same.length).toBeLessThan(english.size / 20);
  });

  it('marks the Russian and Kazakh texts as machine translations awaiting review', () => {
    expect(ruReview).toBe('machine-translated');
    expect(kkReview).toBe('machine-translated');
  });

  it('keeps the English names the end-to-end tests drive', () => {
    // A contract with tests/e2e: renaming any of these breaks them.
    expect({
      passphrase: en.createVault.passphrase,
      repeat: en.createVault.repeat,
      create: en.createVault.submit,
      unlockField: en.unlock.passphrase,
      unlock: en.unlock.submit,
      newReport: en.home.newReport,
      save: en.form.save,
      lock: en.shell.lock,
      incidentType: en.form.incidentType,
      narrative: en.form.narrative,
      city: en.form.city,
      when: en.form.when,
    }).toEqual({
      passphrase: 'Passphrase',
      repeat: 'Repeat passphrase',
      create: 'Create vault',
      unlockField: 'Passphrase',
      unlock: 'Unlock',
      newReport: 'New report',
      save: 'Save',
      lock: 'Lock',
      incidentType: 'Incident type',
      narrative: 'What happened',
      city: 'City',
      when: 'When',
    });
  });

  it('has the wrong-passphrase and storage-full messages the issue asks for', () => {
    expect(en.unlock.failed['wrong-passphrase']).toBe('Wrong passphrase. Try again.');
    expect(en.form.saveFailed['storage-full']).toBe('Storage is full. Your report was NOT saved — it is still in the form.');
  });
});
