import type { Report } from '../domain/report';
import { exportLabels } from './exportLabels';

type LegalBasis = Report['legalBasis'][number];

/** For a table cell: 'Code on Administrative Offences, art. 488'. */
export function exportLegalBasisText(basis: LegalBasis): string {
  return `${exportLabels.legalCodes[basis.code]}, art. ${basis.article}`;
}

/** For a sentence: 'Article 488 of the Code on Administrative Offences'. */
export function exportLegalBasisPhrase(basis: LegalBasis): string {
  return basis.code === 'other' ? `Article ${basis.article} of another law` : `Article ${basis.article} of the ${exportLabels.legalCodes[basis.code]}`;
}
