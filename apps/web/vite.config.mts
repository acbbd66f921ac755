// Builds the single-page app into dist/web, which the API serves at `/` (see apps/api/src/app.module.ts).
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  // Brotli and gzip copies written beside each file at build time, served as they are by the API.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.map$/, /\.woff2$/], logLevel: 'silent' })],
  resolve: {
    // The ATECO 2025 registry is data shared with the API: one source of truth, no copy.
    alias: { '@vec/ateco-2025': here('../../libs/core/src/shop/registry/ateco-2025.json') },
  },
  build: { outDir: here('../../dist/web'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/graphql', '/health', '/exports', '/audit', '/open-data', '/personal-data', '/imports', '/auth/oidc'].map((path) => [path, 'http://localhost:3000'])),
    fs: { allow: [here('../..')] },
  },
});
