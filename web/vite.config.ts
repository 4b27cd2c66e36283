import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Run from the repository root (npm run build:web). The api serves web/dist at /app/.
export default defineConfig({
  root: 'web',
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Chromium and Firefox support modulepreload natively; the polyfill would add script to every page.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      output: {
        // One long-lived vendor chunk for React + Mantine + TanStack, so feature chunks stay small.
        manualChunks: (id) => (id.includes('node_modules') && /[\\/](react|react-dom|scheduler|@mantine|@tanstack|@floating-ui|i18next|react-i18next)[\\/]/.test(id) ? 'vendor' : undefined),
      },
    },
  },
  server: { proxy: { '^/(?!app/)': 'http://127.0.0.1:3000' } },
});
