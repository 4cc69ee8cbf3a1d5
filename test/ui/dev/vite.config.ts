import { fileURLToPath } from 'node:url';
import { preact } from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** `npm run dev:ui`: this folder's page, served alone; the extension's build (vite.config.ts) never sees it. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  server: { port: 5174, strictPort: true },
});
