// Vite configuration of the web app. Run from anywhere: paths are resolved from this file's folder.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webDir = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: webDir,
  base: '/',
  publicDir: `${webDir}public`,
  plugins: [react()],
  resolve: {
    // Contracts shared with the server import `z` from @hono/zod-openapi: in the browser, plain zod (see the shim).
    alias: { '@hono/zod-openapi': `${webDir}src/shims/zod-openapi.ts` },
  },
  build: {
    outDir: `${webDir}dist`,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3200', changeOrigin: false },
    },
  },
});
