// Temporary (renderer engineer A): builds only the renderer while the main build waits for the services entry.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
const root = import.meta.dirname;
const vendorGroups = [
  { name: 'vendor-react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  { name: 'vendor-antd', test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|dayjs|stylis|classnames)[\\/]/, priority: 20 },
  { name: 'vendor-charts', test: /[\\/]node_modules[\\/](recharts|d3-[^\\/]+|victory-vendor|internmap|decimal\.js-light|recharts-scale|react-smooth)[\\/]/, priority: 10 },
];
export default defineConfig({
  root: resolve(root, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: '/tmp/wld-a/out-renderer',
    emptyOutDir: true,
    minify: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: { index: resolve(root, 'src/renderer/index.html'), launcher: resolve(root, 'src/renderer/launcher.html') },
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
});
