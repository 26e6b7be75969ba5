import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';
import { serverAddress } from '../../scripts/server-address';

// the server `npm run dev:web` proxies to: the rule every helper script uses (API_URL, else PORT and HOST as the server reads them)
const api = serverAddress();

/** The web app: built into dist/web and served by the API at `/`; `npm run dev:web` proxies the API. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/socket.io': { target: api, ws: true, changeOrigin: true },
      '/reports': { target: api, changeOrigin: true },
      '/imports': { target: api, changeOrigin: true },
      '/health': { target: api, changeOrigin: true },
    },
  },
});
