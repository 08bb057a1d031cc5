"use client";

import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { labelRateChartRows } from "@/lib/analytics/prepare-label-rates";
import { ChartFigure } from "./chart-figure";

type Row = ReturnType<typeof labelRateChartRows>[number];
const ROW_HEIGHT = 34;

/**
 * The rate of one label per variation, training and deployment side by side,
 * with 95% intervals; a bar opens its transcripts when it has a link (human
 * labels: imported and judge sources have no transcripts-table filter of the same count).
 */
export function LabelRateChart({
  rows,
  hrefs,
  title,
}: {
  rows: Row[];
  hrefs: Partial<Record<number, { training: string; deployment: string }>>;
  title: string;
}) {
  const open = (condition: "training" | "deployment") => (data: { payload?: Row }) => {
    const href = data.payload && hrefs[data.payload.id]?.[condition];
    if (href) window.location.assign(href);
  };
  return (
    <ChartFigure title={title} fileName="label-rate-chart" height={Math.max(200, rows.length * ROW_HEIGHT + 80)}>
      <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }} barGap={1} barCategoryGap={6}>
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} allowDataOverflow unit="%" tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="id" width={260} tick={<VariationTick rows={rows} />} interval={0} />
        <Tooltip
          labelFormatter={(_, payload) => {
            const row = payload?.[0]?.payload as Row | undefined;
            return row ? `${row.flagged ? "★ " : ""}${row.name}` : "";
          }}
          formatter={(value, name) => [typeof value === "number" ? `${value.toFixed(1)}%` : "no data", name]}
          cursor={{ fill: "#eef2ff" }}
        />
        {/* In the bars' order (training above deployment), not Recharts' default alphabetical one. */}
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        <Bar
          dataKey="training"
          name="Training (free tier)"
          fill="#c2410c"
          cursor="pointer"
          isAnimationActive={false}
          onClick={open("training")}
        >
          <ErrorBar dataKey="trainingError" width={4} stroke="#431407" direction="x" />
        </Bar>
        <Bar
          dataKey="deployment"
          name="Deployment (paid tier)"
          fill="#0369a1"
          cursor="pointer"
          isAnimationActive={false}
          onClick={open("deployment")}
        >
          <ErrorBar dataKey="deploymentError" width={4} stroke="#082f49" direction="x" />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}

/** The variation's name (cut at 40 characters, whole on hover), starred when its gap is flagged: a symbol, not a colour alone. */
function VariationTick({ x, y, payload, rows }: { x?: number; y?: number; payload?: { value: number }; rows: Row[] }) {
  const row = rows.find((r) => r.id === payload?.value);
  if (!row || x === undefined || y === undefined) return null;
  const name = row.name.length > 40 ? row.name.slice(0, 39) + "…" : row.name;
  return (
    <g>
      {/* No labels in either condition: said in the row, so an empty row is not read as 0%. */}
      {row.trainingN === 0 && row.deploymentN === 0 && (
        <text x={x + 14} y={y} dy={4} fontSize={11} fill="#64748b" data-empty-bar>
          no labels
        </text>
      )}
      <text x={x} y={y} dy={4} textAnchor="end" fontSize={11} fill="#0f172a" data-variation-label={row.name}>
        <title>{row.flagged ? `${row.name}: gap significant after correction` : row.name}</title>
        {row.flagged && (
          <tspan fill="#be123c" fontWeight={700} data-flag="gap">
            ★{" "}
          </tspan>
        )}
        {name}
      </text>
    </g>
  );
}
