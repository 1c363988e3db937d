/**
 * The network worker: builds graphs and runs the analytics (Louvain, betweenness, PageRank,
 * components) off the HTTP thread. Each request is { id, task }; it answers with progress
 * messages { id, progress } and then one { id, ok, result | error }.
 */
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './tasks.ts';

parentPort!.on('message', ({ id, task }: { id: number; task: Task }) => {
  try {
    const result = runTask(task, (progress) => parentPort!.postMessage({ id, progress }));
    parentPort!.postMessage({ id, ok: true, result });
  } catch (e) {
    parentPort!.postMessage({ id, ok: false, error: (e as Error).message });
  }
});
