import { loadNameParts, loadUnPersons, generateWatchlist } from './watchlist.ts';
import { buildQueries, scanWatchlist, SETS } from './queries.ts';
const parts = loadNameParts();
const un = await loadUnPersons();
for (const size of [50000, 1000000]) {
let t=performance.now();
const wl = generateWatchlist(size, parts, un);
console.log(size, 'gen', Math.round(performance.now()-t), process.memoryUsage().heapUsed/1e6|0);
t=performance.now();
const qs = buildQueries(wl, parts);
console.log('build q', Math.round(performance.now()-t));
const r = scanWatchlist(wl, parts, qs);
console.log('scan', Math.round(r.ms), 'dropped f', r.droppedNonMatching);
for (const s of SETS) { const x = r.queries.filter(q=>q.set===s); const acc = x.map(q=>q.accept.size); console.log(s, x.length, 'accept>1:', acc.filter(a=>a>1).length, 'max', Math.max(...acc)); }
if (size===50000) for (const s of SETS) console.log(r.queries.filter(q=>q.set===s).slice(0,4).map(q=>JSON.stringify({q:q.query, src:q.source, k:q.keys, exp:q.expected, acc:q.accept.size})).join('\n'));
}
