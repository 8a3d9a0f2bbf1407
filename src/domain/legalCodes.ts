/**
 * The code a legal basis cites, e.g. Code on Administrative Offences art. 488 (unsanctioned assembly)
 * or Criminal Code art. 405 (banned organisation). 'criminal_procedure' covers detentions under the
 * Code of Criminal Procedure; laws such as the Law on Peaceful Assemblies go under 'other'.
 */
export const legalCodes = ['administrative_offences', 'criminal', 'criminal_procedure', 'civil', 'other'] as const;

export type LegalCode = (typeof legalCodes)[number];
