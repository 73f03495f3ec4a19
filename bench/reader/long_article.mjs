// A long article for the reader benchmarks: the repository's own news passages (tests/devset),
// repeated to sizeMb megabytes, written to a temporary .txt (tests/e2e/harness.mjs tempFile).
import { readFileSync } from 'node:fs';
import { repo, tempFile } from '../../tests/e2e/harness.mjs';

export function longArticle(sizeMb, name = 'long-article.txt') {
  const passages = [];
  for (const f of ['tests/devset/dev.jsonl', 'tests/devset/heldout.jsonl'])
    for (const line of readFileSync(`${repo}/${f}`, 'utf8').split('\n')) if (line.trim()) passages.push(JSON.parse(line).text);
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < sizeMb * 1024 * 1024; i++) text += passages[i % passages.length] + '\n';
  return tempFile(name, text);
}
