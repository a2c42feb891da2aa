"use client";

import { BarChart, HeatmapChart } from "echarts/charts";
import { CalendarComponent, GridComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only what these charts use, so the page loads a fraction of ECharts. This module is
// imported by the progress page alone.
echarts.use([
  BarChart,
  HeatmapChart,
  CalendarComponent,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export type ChartSpec =
  | { kind: "calendar"; from: string; to: string; days: [string, number][]; seriesName: string; locale: string }
  | { kind: "bars"; labels: string[]; values: number[]; seriesName: string };

function optionFor(spec: ChartSpec, dark: boolean): echarts.EChartsCoreOption {
  const text = dark ? "#d4d4d8" : "#3f3f46";
  const accent = dark ? "#60a5fa" : "#2563eb";
  if (spec.kind === "bars") {
    return {
      backgroundColor: "transparent",
      textStyle: { color: text },
      grid: { left: 40, right: 12, top: 12, bottom: 40 },
      tooltip: { trigger: "axis" },
      // Every label when there are few (histograms); ECharts thins out long axes itself.
      xAxis: {
        type: "category",
        data: spec.labels,
        axisLabel: { color: text, interval: spec.labels.length <= 10 ? 0 : "auto", hideOverlap: true },
      },
      yAxis: { type: "value", minInterval: 1, axisLabel: { color: text } },
      series: [{ type: "bar", name: spec.seriesName, data: spec.values, itemStyle: { color: accent } }],
    };
  }
  const max = Math.max(1, ...spec.days.map(([, count]) => count));
  const months = Array.from({ length: 12 }, (_, month) =>
    new Intl.DateTimeFormat(spec.locale, { month: "short", timeZone: "UTC" }).format(Date.UTC(2026, month, 1)),
  );
  const weekdays = Array.from({ length: 7 }, (_, day) =>
    new Intl.DateTimeFormat(spec.locale, { weekday: "narrow", timeZone: "UTC" }).format(Date.UTC(2026, 1, day + 1)),
  );
  return {
    backgroundColor: "transparent",
    textStyle: { color: text },
    tooltip: {
      formatter: (params: { value: [string, number] }) => `${params.value[0]}: ${params.value[1]}`,
    },
    visualMap: {
      show: false,
      min: 0,
      max,
      inRange: { color: dark ? ["#1e3a8a", "#93c5fd"] : ["#dbeafe", "#1d4ed8"] },
    },
    calendar: {
      range: [spec.from, spec.to],
      cellSize: ["auto", 13],
      left: 36,
      right: 8,
      top: 24,
      itemStyle: { color: dark ? "#18181b" : "#fafafa", borderColor: dark ? "#3f3f46" : "#e4e4e7" },
      splitLine: { show: false },
      dayLabel: { nameMap: weekdays, color: text, firstDay: 1 },
      monthLabel: { nameMap: months, color: text },
      yearLabel: { show: false },
    },
    series: [{ type: "heatmap", coordinateSystem: "calendar", name: spec.seriesName, data: spec.days }],
  };
}

/** An ECharts chart that follows the light or dark theme; `label` is its text alternative. */
export function ProgressChart({ spec, label, height = 180 }: { spec: ChartSpec; label: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = element.current;
    if (!container) return;
    const scheme = window.matchMedia("(prefers-color-scheme: dark)");
    const chart = echarts.init(container, null, { renderer: "svg" });
    const draw = () => chart.setOption(optionFor(spec, scheme.matches), true);
    draw();
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(container);
    scheme.addEventListener("change", draw);
    return () => {
      scheme.removeEventListener("change", draw);
      resize.disconnect();
      chart.dispose();
    };
  }, [spec]);
  return <div ref={element} role="img" aria-label={label} style={{ height }} className="w-full" />;
}
