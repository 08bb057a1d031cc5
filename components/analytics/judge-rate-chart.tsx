"use client";

import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { JudgeChartRow } from "@/lib/analytics/judge-chart-rows";
import { ChartFigure } from "./chart-figure";

const ROW_HEIGHT = 30;

/** The judge's rate per variation × condition with its 95% interval, and the corrected rate beside it when asked for. */
export function JudgeRateChart({ rows, title, corrected }: { rows: JudgeChartRow[]; title: string; corrected: boolean }) {
  return (
    <ChartFigure title={title} fileName="judge-rate-chart" height={Math.max(200, rows.length * ROW_HEIGHT * (corrected ? 1.6 : 1) + 80)}>
      <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }} barGap={1} barCategoryGap={6}>
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} allowDataOverflow unit="%" tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="name" width={260} tick={{ fontSize: 11 }} interval={0} />
        <Tooltip
          formatter={(value, name) => [typeof value === "number" ? `${value.toFixed(1)}%` : "no data", name]}
          cursor={{ fill: "#eef2ff" }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="raw" name="Judge's raw rate" fill="#6366f1" isAnimationActive={false}>
          <ErrorBar dataKey="rawError" width={4} stroke="#1e1b4b" direction="x" />
        </Bar>
        {corrected && (
          <Bar dataKey="corrected" name="Corrected (Rogan–Gladen)" fill="#059669" isAnimationActive={false}>
            <ErrorBar dataKey="correctedError" width={4} stroke="#022c22" direction="x" />
          </Bar>
        )}
      </BarChart>
    </ChartFigure>
  );
}
