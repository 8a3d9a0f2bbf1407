import { describe, expect, it } from 'vitest';
import { fieldLabelKey } from '../../../src/domain/fieldLabelKey';

describe('fieldLabelKey', () => {
  it.each([
    ['narrative', 'fields.narrative'],
    ['where.city', 'fields.where.city'],
    ['where', 'fields.where._'],
    ['where.coordinates', 'fields.where.coordinates._'],
    ['where.coordinates.lat', 'fields.where.coordinates.lat'],
    ['peopleAffected.12.name', 'fields.peopleAffected.name'],
    ['peopleAffected.0', 'fields.peopleAffected._'],
    ['peopleAffected', 'fields.peopleAffected._'],
    ['tags.3', 'fields.tags'],
    ['actors', 'fields.actors'],
    ['details.claimAmount.currency', 'fields.details.claimAmount.currency'],
    ['details.claimAmount', 'fields.details.claimAmount._'],
    ['', 'fields._'],
  ])('%j -> %s', (path, key) => {
    expect(fieldLabelKey(path)).toBe(key);
  });
});
