/**
 * The front end is one Vite app: the studio now, the desk and portal later. It is built into
 * dist/designer, which the server serves with a fallback to index.html for client routes.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/designer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: true,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
