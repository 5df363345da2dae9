// Peak memory of reading a PDF's text layer under plain Node, as the packaged app runs pdfjs
// (tsx, which runs the benches, transforms pdfjs's 2 MB module and triples the process's memory).
// Same getDocument options as main/import/pdf/extract.ts. Prints the peak RSS in MB.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { peakRssKb } from './peak-rss.mjs';

const entry = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs');
const root = dirname(dirname(dirname(entry)));
const pdfjs = await import(pathToFileURL(entry).href);
for (let run = 0; run < 3; run++) {
  const task = pdfjs.getDocument({
    data: new Uint8Array(readFileSync(process.argv[2])),
    cMapUrl: join(root, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(root, 'standard_fonts') + '/',
    useSystemFonts: false, disableFontFace: true, stopAtErrors: false, verbosity: 0,
  });
  const doc = await task.promise;
  for (let p = 1; p <= doc.numPages; p++) await (await doc.getPage(p)).getTextContent();
  await task.destroy();
}
console.log((peakRssKb() / 1024).toFixed(0));
