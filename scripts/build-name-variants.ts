// Derives src/screening/names/name-variants.json from the CC0 Wikidata token pairs in fixtures/.
// Run: node --import tsx scripts/build-name-variants.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_TSV, deriveTable, SHIPPED_TABLE } from '../src/screening/names/knowledge.ts';

const table = deriveTable(readFileSync(DEFAULT_TSV, 'utf8'));
writeFileSync(SHIPPED_TABLE, `${JSON.stringify(table, null, 0).replace(/\],\[/g, '],\n[')}\n`);
const spellings = table.clusters.reduce((n, [, l]) => n + l.length, 0);
console.log(`${table.clusters.length} Arabic name parts, ${spellings} Latin spellings → ${SHIPPED_TABLE}`);
