import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/build/compress-assets.ts';

// The repository root is the Vite root: index.html loads client/main.tsx. The dev server forwards
// /api to a running proxy so the browser sees one origin, exactly as in production.
export default defineConfig({
  plugins: [react(), precompress()],
  publicDir: 'public',
  build: { outDir: 'dist/client', sourcemap: true, target: 'es2022' },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.PROXY_URL ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
