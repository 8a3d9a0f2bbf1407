/** Where the monitor learned of the incident (DESIGN.md §8). */
export const sources = ['eyewitness', 'victim', 'lawyer', 'media', 'social_media', 'official'] as const;

export type Source = (typeof sources)[number];
