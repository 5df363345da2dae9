import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

// Entries point at the top-level folders the project uses instead of electron-vite's src/ default.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The PDF reader's worker thread is its own entry: main/import/pdf/read-in-worker.ts starts out/main/pdf-worker.js.
      rollupOptions: { input: { index: resolve(root, 'main/index.ts'), 'pdf-worker': resolve(root, 'main/import/pdf/worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): one self-contained CommonJS file.
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
