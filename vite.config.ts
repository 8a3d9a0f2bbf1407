import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './vite.precompress';

/**
 * The installed app's face is fixed at build time (DESIGN.md §2: the name and icon of an installed
 * PWA cannot change later). DALA_FACE picks a preset; the other variables override single parts.
 * `neutral` looks like a plain notes app on a home screen that a police officer scrolls through.
 */
const faces = {
  dala: { name: 'Dala', shortName: 'Dala', themeColor: '#1d4e5c', backgroundColor: '#f6f3ee', icon: 'dala' },
  neutral: { name: 'Notes', shortName: 'Notes', themeColor: '#eceff1', backgroundColor: '#ffffff', icon: 'neutral' },
} as const;

function pickFace() {
  const preset = process.env.DALA_FACE ?? 'dala';
  if (preset !== 'dala' && preset !== 'neutral') throw new Error(`DALA_FACE must be "dala" or "neutral", got "${preset}"`);
  const base = faces[preset];
  return {
    name: process.env.DALA_APP_NAME ?? base.name,
    shortName: process.env.DALA_APP_SHORT_NAME ?? base.shortName,
    themeColor: process.env.DALA_THEME_COLOR ?? base.themeColor,
    backgroundColor: process.env.DALA_BACKGROUND_COLOR ?? base.backgroundColor,
    icon: base.icon,
  };
}

const face = pickFace();
const otherIcons = Object.values(faces)
  .map((f) => f.icon)
  .filter((icon) => icon !== face.icon);

export default defineConfig({
  plugins: [
    react(),
    {
      name: 'dala-face-html',
      // The page title is the face's name, never report content (issue: no leaks in the title).
      transformIndexHtml: (html) =>
        html.replaceAll('%DALA_APP_NAME%', face.name).replaceAll('%DALA_THEME_COLOR%', face.themeColor).replaceAll('%DALA_ICON%', face.icon),
    },
    VitePWA({
      // A new version is offered, never forced: the UI decides when to apply it, never over unsaved input.
      registerType: 'prompt',
      // Registration comes from the UI's useRegisterSW hook; no inline script (the CSP forbids inline scripts).
      injectRegister: false,
      manifest: {
        name: face.name,
        short_name: face.shortName,
        // A neutral description: the manifest is readable by anyone holding the phone.
        description: face.name,
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: face.themeColor,
        background_color: face.backgroundColor,
        icons: [
          { src: `/icons/${face.icon}-192.png`, sizes: '192x192', type: 'image/png' },
          { src: `/icons/${face.icon}-512.png`, sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
        ],
      },
      workbox: {
        // Precache the whole app shell (JS, CSS, HTML, icons) so a cold start works with no network.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,wasm}'],
        // Only this face's icons: the other preset's name and icon must not sit in the phone's cache.
        globIgnores: otherIcons.flatMap((icon) => [`icons/${icon}*`]),
        // Any in-app URL opened offline gets the shell; the relay API is never answered from cache.
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/v1\//],
        // No runtime caching at all: relay responses must never be kept in the Cache API (P1).
        runtimeCaching: [],
        // Old precaches are deleted after an update, so the cache holds one app version.
        cleanupOutdatedCaches: true,
        // With 'prompt', the new worker waits until the user accepts the update.
        skipWaiting: false,
        clientsClaim: false,
        sourcemap: false,
      },
    }),
    // Last, so the service worker and manifest written above are compressed too.
    precompress(),
  ],
  define: {
    // The face's name for the UI header (constant per build).
    'import.meta.env.VITE_DALA_APP_NAME': JSON.stringify(face.name),
  },
  build: {
    target: 'es2022',
    // No source maps in the shipped app: less to cache, nothing extra to read on a seized phone.
    sourcemap: false,
  },
  worker: { format: 'es' },
  server: { port: 5173 },
});
