import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the API server at `/` (server/src/app.ts serves admin/dist).
export default defineConfig({
  plugins: [react()],
  base: '/',
  server: {
    // `npm run dev -w admin` against a server started with `npm run dev` (port 4000)
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // react-admin + MUI make one large vendor chunk; it is served with caching, so don't warn about it
    chunkSizeWarningLimit: 4000,
  },
});
