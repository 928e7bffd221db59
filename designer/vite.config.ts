/**
 * The front end is one Vite app: the studio, the desk and the portal. It is built into
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
    // bench/forms reads the manifest to size the initial route's JS and CSS.
    manifest: true,
    // The studio, desk and portal load as their own chunks (React.lazy per screen group); the
    // libraries every page needs, and the form renderer with its validator, get a chunk each so a
    // release that changes only our screens leaves them cached. antd is left to the splitter, so
    // the initial route holds only the components the shell and public pages use.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|i18next|react-i18next)[\\/]/ },
            // Not @rjsf/antd: a group takes its modules' dependencies along, and that one would take antd.
            { name: 'forms', test: /node_modules[\\/](@rjsf[\\/](core|utils|validator-ajv8)|ajv|ajv-formats|fast-uri|@x0k|json-schema-traverse|fast-deep-equal)[\\/]/ },
          ],
        },
      },
    },
    sourcemap: true,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
