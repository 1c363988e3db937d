#!/usr/bin/env node
// Fails when the TypeScript sources import each other in a circle (type-only imports included:
// a type that both sides need belongs where both can import it). Usage: check-cycles.mjs DIR...
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const roots = process.argv.slice(2);
if (roots.length === 0) {
  console.error('check-cycles: name the source folders');
  process.exit(1);
}
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'node_modules' && name !== 'dist') walk(p);
    } else if (/\.(ts|tsx)$/.test(name) && !/\.d\.ts$/.test(name)) files.push(path.normalize(p));
  }
};
roots.forEach(walk);
if (files.length === 0) {
  console.error('check-cycles: no source files found');
  process.exit(1);
}

const SPEC = /(?:^|[\s;])(?:import|export)\s(?:[^'"`;]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
const resolve = (from, spec) => {
  if (!spec.startsWith('.')) return undefined;
  const base = path.normalize(path.join(path.dirname(from), spec));
  for (const c of [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(c) && statSync(c).isFile()) return path.normalize(c);
  }
  return undefined;
};
const edges = new Map();
for (const f of files) {
  const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out = new Set();
  for (const m of text.matchAll(SPEC)) {
    const to = resolve(f, m[1] ?? m[2]);
    if (to && to !== f) out.add(to);
  }
  edges.set(f, [...out]);
}

// Tarjan's strongly connected components: every component of more than one file is a circle
let index = 0;
const idx = new Map();
const low = new Map();
const stack = [];
const on = new Set();
const circles = [];
const visit = (v) => {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  on.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!edges.has(w)) continue;
    if (!idx.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const comp = [];
    let w;
    do {
      w = stack.pop();
      on.delete(w);
      comp.push(w);
    } while (w !== v);
    if (comp.length > 1) circles.push(comp.sort());
  }
};
for (const f of files) if (!idx.has(f)) visit(f);

if (circles.length) {
  console.error(`check-cycles: ${circles.length} import circle${circles.length === 1 ? '' : 's'} in ${files.length} files`);
  for (const c of circles) console.error(`  - ${c.join(' ↔ ')}`);
  process.exit(1);
}
console.log(`check-cycles: no import circles in ${files.length} files`);
