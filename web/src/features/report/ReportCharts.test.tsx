import { BarController, BarElement, BasicPlatform, CategoryScale, Chart, LinearScale } from 'chart.js';
import { afterEach, describe, expect, it } from 'vitest';
import { chartOptions } from './ReportCharts.tsx';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

/** A 2D context that measures text and draws nothing: enough for Chart.js to lay out its scales in jsdom. */
function fakeCanvas(width = 400, height = 300) {
  const ctx: Record<string, unknown> = new Proxy(
    { measureText: (s: string) => ({ width: String(s).length * 6 }), getImageData: () => ({ data: [] }), createLinearGradient: () => ({ addColorStop() {} }) },
    { get: (target, key) => (key in target ? (target as Record<string | symbol, unknown>)[key] : key === 'canvas' ? canvas : () => undefined), set: () => true },
  );
  const canvas = { width, height, style: {}, getContext: () => ctx };
  return canvas;
}

const charts: Chart[] = [];
function ticksOf(data: number[], options: ReturnType<typeof chartOptions>, axis: 'x' | 'y') {
  const chart = new Chart(fakeCanvas() as unknown as HTMLCanvasElement, {
    type: 'bar',
    data: { labels: data.map((_, i) => `L${i}`), datasets: [{ data }] },
    options: { ...(options as object), responsive: false, platform: BasicPlatform } as never,
    platform: BasicPlatform,
  } as never);
  charts.push(chart);
  return chart.scales[axis].ticks.map((t) => t.value);
}

describe('report chart options', () => {
  afterEach(() => charts.splice(0).forEach((c) => c.destroy()));

  it('gives a count axis whole-number ticks only (no 0.5 case), vertical or horizontal', () => {
    const vertical = ticksOf([1, 2, 3], chartOptions('en'), 'y');
    expect(vertical.length).toBeGreaterThan(1);
    expect(vertical.every(Number.isInteger)).toBe(true);
    const horizontal = ticksOf([1, 3, 2], chartOptions('ar', { horizontal: true }), 'x');
    expect(horizontal.length).toBeGreaterThan(1);
    expect(horizontal.every(Number.isInteger)).toBe(true);
  });

  it('keeps fractional ticks on an axis of tonnes', () => {
    const tonnes = ticksOf([0.2, 0.5, 1.2], chartOptions('fr', { counts: false }), 'y');
    expect(tonnes.some((v) => !Number.isInteger(v))).toBe(true);
  });
});
