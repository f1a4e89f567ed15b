// Charts rendered on the server as SVG with ECharts (architecture: no client JavaScript for a chart).
// ECharts is loaded on first use, so start-up does not pay for it.
import type * as EChartsCore from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';

let loaded: Promise<typeof EChartsCore> | undefined;

async function echarts() {
  loaded ??= (async () => {
    const core = await import('echarts/core');
    const { BarChart } = await import('echarts/charts');
    const { GridComponent, MarkLineComponent } = await import('echarts/components');
    const { SVGRenderer } = await import('echarts/renderers');
    core.use([BarChart, GridComponent, MarkLineComponent, SVGRenderer]);
    return core;
  })();
  return loaded;
}

/**
 * The page's Content-Security-Policy allows no inline styles (style-src 'self'). ECharts writes its text
 * styles as style attributes and adds a <style> of hover effects (useless without JavaScript): the
 * declarations become SVG presentation attributes (font-size, font-family, …) and the <style> goes.
 */
export function withoutInlineStyles(svg: string): string {
  return svg.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '').replace(/ style="([^"]*)"/g, (_, css: string) =>
    css
      .split(';')
      .map((declaration) => declaration.split(':').map((part) => part.trim()))
      .filter(([property, value]) => property && value && /^[a-z-]+$/.test(property))
      .map(([property, value]) => ` ${property}="${value!.replace(/"/g, '&quot;')}"`)
      .join(''),
  );
}

async function svgOf(option: EChartsCoreOption, width: number, height: number): Promise<string> {
  const core = await echarts();
  const chart = core.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return withoutInlineStyles(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

export interface ShareBar {
  label: string;
  /** 0–100, or null when there is nothing to measure. */
  percent: number | null;
  /** Drawn in the warning colour (below the target). */
  below: boolean;
}

/**
 * Horizontal bars of percentages with a dashed line at the target. The SVG is decorative for screen
 * readers (the page's table carries the same figures); the caller gives it a text alternative.
 */
export async function shareChartSvg(
  bars: readonly ShareBar[],
  targetPercent: number,
  targetLabel: string,
): Promise<string> {
  const height = Math.max(160, 40 + bars.length * 28);
  return svgOf(
    {
      grid: { left: 8, right: 48, top: 24, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label) },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => ({
            value: b.percent ?? 0,
            itemStyle: { color: b.below ? '#b42318' : '#1f6f43' },
          })),
          label: { show: true, position: 'right', formatter: '{c}%' },
          markLine: {
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#333' },
            label: { formatter: targetLabel },
            data: [{ xAxis: targetPercent }],
          },
        },
      ],
    },
    720,
    height,
  );
}
