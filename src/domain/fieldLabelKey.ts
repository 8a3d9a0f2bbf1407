// Which message labels the field at a FieldError path. Labels live under domain:fields, nested like the
// report; a group (an object or a list of objects) has its own label under '_'.

const groups = new Set([
  '',
  'when',
  'where',
  'where.coordinates',
  'peopleAffected',
  'legalBasis',
  'outcome',
  'attachments',
  'details',
  'details.claimAmount',
]);

/** 'peopleAffected.0.name' -> 'fields.peopleAffected.name'; 'where' -> 'fields.where._'; 'tags.3' -> 'fields.tags'. */
export function fieldLabelKey(path: string): string {
  const field = path
    .split('.')
    .filter((segment) => segment !== '' && !/^\d+$/.test(segment))
    .join('.');
  const key = field === '' ? 'fields' : `fields.${field}`;
  return groups.has(field) ? `${key}._` : key;
}
