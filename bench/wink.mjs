// wink-nlp on the same corpus: tokenization, sentence split, NER (entities) and POS, i.e. its full
// pipeline. usage: node wink.mjs CORPUS.txt
import fs from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const text = fs.readFileSync(process.argv[2], 'utf8');
const nlp = winkNLP(model);
const its = nlp.its;
const paras = text.split('\n').filter((p) => p.trim());
const run = () => {
  let entities = 0;
  for (const p of paras) {
    const doc = nlp.readDoc(p);
    entities += doc.entities().out(its.detail).length;
  }
  return entities;
};
run();  // warm-up
// The fastest of 3 timed passes (or argv[3]), as lede_bench (after its warm-up call); every pass's
// seconds are printed too (bench/batch.sh takes medians over them).
const passes = Number(process.argv[3] || 3), walls = [], cpus = [];
let best = Infinity, bestCpu = Infinity, entities = 0;
for (let r = 0; r < passes; r++) {
  const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
  entities = run();
  const s = Number(process.hrtime.bigint() - t0) / 1e9, c = process.cpuUsage(c0);
  walls.push(+s.toFixed(6));
  cpus.push((c.user + c.system) / 1e6);
  if (s < best) best = s;
  // CPU seconds (user + system, all of node's threads): on a loaded machine, less sensitive to
  // the time the process waited for a core than the wall clock (bench/batch.sh)
  bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
}
const bytes = Buffer.byteLength(text, 'utf8');
console.log(JSON.stringify({ bytes, seconds: +best.toFixed(4), mb_per_s: +(bytes / 1e6 / best).toFixed(2),
  cpu_mb_per_s: +(bytes / 1e6 / bestCpu).toFixed(2), entities, pass_seconds: walls, pass_cpu_seconds: cpus,
  peak_mb: +(process.memoryUsage().rss / 1048576).toFixed(1) }));
