// Vite puts content-hashed files under assets/, so they never change; everything else (index.html,
// sw.js, registerSW.js, manifest.webmanifest, icons) keeps its name across releases and must be
// revalidated, or an installed app could stay on an old version.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Cache-Control for a file of the built app, given its path relative to the app folder ('/'-separated). */
export function cacheControlFor(relativePath: string): string {
  return relativePath.startsWith('assets/') ? IMMUTABLE : REVALIDATE;
}
