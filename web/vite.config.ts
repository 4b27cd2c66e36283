import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// @mantine/core's components are left out: each lands with the screens that use it (the shell's
// own in the entry chunk), so a form-heavy screen does not grow the first load.
const VENDOR = /[\\/]node_modules[\\/](react|react-dom|scheduler|@mantine[\\/](core[\\/]esm[\\/](core|utils|index)|hooks|notifications)|@tanstack[\\/](react-router|router-core|history|react-store|store|react-query|query-core)|@floating-ui[\\/][^\\/]+|i18next|react-i18next|openapi-fetch)[\\/]/;

// Mantine components that only some lazy screens use stay out of the vendor chunk (Rollup puts them
// in those screens' chunks, or a chunk they share), so adding a screen does not grow the first load.
const LAZY_MANTINE = /[\\/]@mantine[\\/]core[\\/]esm[\\/]components[\\/](Combobox|ComboboxPopover|Select|Pagination|Radio|Checkbox|Progress|CopyButton|Image|SimpleGrid|List)[\\/]/;

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
        // @mantine/core is not forced in: Rollup then keeps the components only lazy screens use
        // (Modal, Select, Table, Pagination, …) in those screens' chunks, off the first load.
        // One long-lived vendor chunk for what every screen needs; heavier libraries that only
        // some screens use (@mantine/dates, dropzone, charts, react-virtual, diff, mammoth…) stay
        // in the lazy chunks of those screens, off the first load.
        manualChunks: (id) => (VENDOR.test(id) && !LAZY_MANTINE.test(id) ? 'vendor' : undefined),
      },
    },
  },
  server: { proxy: { '^/(?!app/)': 'http://127.0.0.1:3000' } },
});
