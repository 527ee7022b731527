import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer is one static bundle served three ways: the Electron shell (file or custom
 * protocol — hence relative `base`), the HTTP host (browser/LAN mode) and Playwright.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  server: {
    // `npm run dev:renderer` talks to a running `npm run web` host for /api.
    proxy: { '/api': 'http://127.0.0.1:5517' },
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    // Pages are lazy chunks; antd is left to automatic splitting so the first screen loads only
    // the components the shell uses (~35% less than one antd vendor chunk), and each page brings
    // its own (Table, DatePicker…), shared between pages as common chunks. React and the chart
    // stack get fixed chunks: react is always needed, charts only by the pages that draw them.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // clsx and react-is are shared by antd and recharts: here, or they land in the charts
            // chunk and every first screen downloads and parses all of recharts for them.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-is|clsx)[\\/]/, priority: 20 },
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|d3-[^\\/]+|victory-vendor|@reduxjs|redux|immer|reselect|decimal\.js-light)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
