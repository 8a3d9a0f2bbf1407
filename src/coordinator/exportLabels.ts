// English words for the domain's ids in the CSV and Markdown exports. The coordinator may not import the
// UI's message files, so this is its own small table; Russian and Kazakh exports are not done yet.
import type { Actor } from '../domain/actors';
import type { Freedom } from '../domain/freedoms';
import type { IncidentType } from '../domain/incidentTypes';
import type { LegalCode } from '../domain/legalCodes';
import type { Source } from '../domain/sources';

export const exportLabels: {
  readonly incidentTypes: { readonly [T in IncidentType]: string };
  readonly freedoms: { readonly [F in Freedom]: string };
  readonly actors: { readonly [A in Actor]: string };
  readonly sources: { readonly [S in Source]: string };
  readonly legalCodes: { readonly [C in LegalCode]: string };
} = {
  incidentTypes: {
    preventive_detention: 'Preventive detention',
    detention_or_arrest: 'Detention or arrest',
    police_visit: 'Police visit',
    meeting_disrupted: 'Meeting disrupted',
    protest_or_picket: 'Protest or picket',
    registration_refused: 'Registration refused',
    criminal_case: 'Criminal case',
    administrative_case: 'Administrative case',
    court_ruling: 'Court ruling',
    fine: 'Fine',
    defamation_suit: 'Defamation suit',
    surveillance: 'Surveillance',
    intimidation_or_threat: 'Intimidation or threat',
    attack_or_property_damage: 'Attack or property damage',
    media_obstruction: 'Obstruction of journalists',
    online_expression_case: 'Case over online posts',
    other: 'Other incident',
  },
  freedoms: {
    association: 'Freedom of association',
    peaceful_assembly: 'Freedom of peaceful assembly',
    expression: 'Freedom of expression',
  },
  actors: {
    police: 'police',
    national_security: 'national security service',
    local_authorities: 'local authorities',
    court: 'court',
    prosecutor: 'prosecutor',
    ruling_party: 'ruling party',
    unidentified_group: 'unidentified group',
    other: 'other',
  },
  sources: {
    eyewitness: 'eyewitness',
    victim: 'the person affected',
    lawyer: 'lawyer',
    media: 'media',
    social_media: 'social media',
    official: 'official source',
  },
  legalCodes: {
    administrative_offences: 'Code on Administrative Offences',
    criminal: 'Criminal Code',
    criminal_procedure: 'Code of Criminal Procedure',
    civil: 'Civil Code',
    other: 'other law',
  },
};
