import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessPassphrase } from '../../../src/domain/passphraseStrength';

describe('assessPassphrase', () => {
  it.each([
    'correct horse battery staple',
    'қасқыр бүркіт өзен тау',
    'зелёный чайник поёт утром',
    'tau kol ozen jer',
    // No words, but 20 characters of three classes.
    'Xk9mQ2vL7pR4wZ8tY6nB',
  ])('accepts %j', (passphrase) => {
    expect(assessPassphrase(passphrase)).toMatchObject({ acceptable: true, problems: [] });
  });

  it('refuses 15 characters even in four words (16 is the minimum)', () => {
    expect(assessPassphrase('tau kol ozn jer').problems).toEqual(['too-short']);
  });

  it('refuses three long words without a mix of character classes', () => {
    expect(assessPassphrase('correcthorse batterystaple extra').problems).toEqual(['too-few-words']);
  });

  it('refuses 19 mixed characters without words (20 is the alternative minimum)', () => {
    expect(assessPassphrase('Xk9mQ2vL7pR4wZ8tY6n').problems).toEqual(['too-few-words']);
  });

  it('counts one repeated word once', () => {
    expect(assessPassphrase('степь степь степь степь').problems).toContain('too-few-words');
  });

  it('counts code points after NFKC, so a letter typed as letter + combining mark counts once', () => {
    const precomposed = 'чай сыр мёд лук';
    const decomposed = precomposed.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(precomposed.length);
    expect(assessPassphrase(decomposed)).toEqual(assessPassphrase(precomposed));
    expect(assessPassphrase(decomposed).problems).toContain('too-short');
  });

  it('reads full-width letters as the letters they are', () => {
    expect(assessPassphrase('ｃｏｒｒｅｃｔ ｈｏｒｓｅ ｂａｔｔｅｒｙ ｓｔａｐｌｅ')).toEqual(
      assessPassphrase('correct horse battery staple'),
    );
  });

  it.each(['aaaaaaaaaaaaaaaaaaaaaaaa', 'абвгдабвгдабвгдабвгдабвгд', 'ab12ab12ab12 ab12ab12ab12 ab12ab12'])(
    'calls %j repetitive',
    (passphrase) => {
      const result = assessPassphrase(passphrase);
      expect(result.problems).toContain('repetitive');
      expect(result.acceptable).toBe(false);
    },
  );

  it.each(['password password password', 'qwertyuiop1234567890', 'Пароль123 Пароль123 пароль', 'йцукен фывапр 12345678'])(
    'calls %j common',
    (passphrase) => {
      const result = assessPassphrase(passphrase);
      expect(result.problems).toContain('common');
      expect(result.acceptable).toBe(false);
    },
  );

  it('says only what is missing for an empty passphrase', () => {
    expect(assessPassphrase('')).toEqual({ score: 0, acceptable: false, problems: ['too-short', 'too-few-words'] });
  });

  it('scores longer passphrases with more words higher', () => {
    const scores = [
      'tau kol ozen jer',
      'tau kol ozen jer qala dala',
      'tau kol ozen jer qala dala aspan',
      'tau kol ozen jer qala dala aspan bulaq teniz',
    ].map((passphrase) => assessPassphrase(passphrase).score);
    expect(scores[0]).toBe(2);
    expect(scores[scores.length - 1]).toBe(4);
    expect([...scores].sort()).toEqual(scores);
  });

  it('names the parameter when given something other than text', () => {
    expect(() => assessPassphrase(42 as unknown as string)).toThrow(/passphrase/);
  });

  it('keeps its invariants for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (passphrase) => {
        const result = assessPassphrase(passphrase);
        expect(result.acceptable).toBe(result.problems.length === 0);
        expect(result.score >= 2).toBe(result.acceptable);
        expect(new Set(result.problems).size).toBe(result.problems.length);
        if ([...passphrase.normalize('NFKC')].length < 16) expect(result.acceptable).toBe(false);
        expect(assessPassphrase(passphrase.normalize('NFKC'))).toEqual(result);
      }),
    );
  });

  it('never lowers the score when a new word is added', () => {
    const word = fc.stringMatching(/^[a-zа-яәғқңөұүһі]{3,8}$/u);
    fc.assert(
      fc.property(fc.array(word, { minLength: 4, maxLength: 8 }), word, (words, extra) => {
        fc.pre(!words.includes(extra));
        const before = assessPassphrase(words.join(' '));
        const after = assessPassphrase([...words, extra].join(' '));
        if (before.acceptable) expect(after.score).toBeGreaterThanOrEqual(before.score);
      }),
    );
  });
});
