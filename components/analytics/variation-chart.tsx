"use client";

import { Bar, CartesianGrid, ComposedChart, ErrorBar, Line, Tooltip, XAxis, YAxis } from "recharts";
import { SEGMENTS, type ChartRow, type Segment } from "@/lib/analytics/chart-rows";
import { ChartFigure } from "./chart-figure";

const ROW_HEIGHT = 22;

/**
 * The paper's chart: per variation, a training and a deployment bar split into
 * refuses / complies with AF reasoning / complies without (and, where the AF
 * label is missing, complies with AF not labelled). Draws what lib/analytics
 * decided; a click on a segment opens its transcripts. A variation whose gap
 * stays significant after the chosen correction is starred.
 */
export function VariationChart({
  rows,
  hrefs,
  title,
  referenceName,
}: {
  rows: ChartRow[];
  hrefs: Record<string, Record<Segment, string | null>>;
  title: string;
  /** The chosen published series: its refusal rates are drawn as markers on the bars, under this name. */
  referenceName?: string;
}) {
  const hasReference = referenceName !== undefined && rows.some((row) => row.reference !== null);
  const hasReferenceInterval = rows.some((row) => row.referenceError !== null);
  // Only the segments some bar has: no "AF not labelled" when every output has its AF label, no AF split without an AF label.
  const segments = SEGMENTS.filter((segment) =>
    rows.some((row) => row.counts[segment.key] !== null && (segment.key !== "compliesAfUnlabelled" || row.counts[segment.key]! > 0)),
  );
  return (
    <>
      {/* Above the chart, in the order the segments stack from the left, each with its pattern: not below 26 bars, not by colour alone. */}
      <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {segments.map((segment, index) => (
          <li key={segment.key} className="flex items-center gap-1.5">
            <svg aria-hidden width="14" height="14" className="rounded-sm">
              <rect width="14" height="14" fill={fillOf(segment.key, segment.color)} />
            </svg>
            <span className="text-slate-500">{index + 1}.</span> {segment.label}
          </li>
        ))}
        {hasReference && (
          <li className="flex items-center gap-1.5" data-legend="reference">
            <svg aria-hidden width="14" height="14">
              <ReferenceMarkShape cx={7} cy={7} />
            </svg>
            {referenceName}: published refusals{hasReferenceInterval ? ", with 95% interval" : ""}
          </li>
        )}
      </ul>
      <ChartFigure title={title} fileName="variation-chart" height={Math.max(200, rows.length * ROW_HEIGHT + 80)}>
        <ComposedChart data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }} barCategoryGap={3}>
          <SegmentPatterns />
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} allowDataOverflow unit="%" tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="id" width={300} tick={<BarLabel rows={rows} />} interval={0} />
          <Tooltip content={<SegmentTooltip />} cursor={{ fill: "#eef2ff" }} />
          {segments.map((segment) => (
            <Bar
              key={segment.key}
              dataKey={segment.key}
              name={segment.label}
              stackId="bar"
              fill={fillOf(segment.key, segment.color)}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(data: { payload?: ChartRow }) => {
                const href = data.payload && hrefs[data.payload.id][segment.key];
                if (href) window.location.assign(href);
              }}
            />
          ))}
          {hasReference && (
            // No line between the markers: each belongs to its own bar.
            <Line
              dataKey="reference"
              name={referenceName}
              stroke="none"
              isAnimationActive={false}
              activeDot={false}
              dot={(props: { cx?: number; cy?: number; index?: number; payload?: ChartRow }) => (
                <ReferenceMarkShape key={props.index} cx={props.cx} cy={props.cy} row={props.payload} name={referenceName} />
              )}
            >
              {hasReferenceInterval && <ErrorBar dataKey="referenceError" direction="x" stroke="#312e81" strokeWidth={1.5} width={6} />}
            </Line>
          )}
        </ComposedChart>
      </ChartFigure>
    </>
  );
}

/**
 * Patterns that tell the segments apart without colour: AF reasoning hatched,
 * AF not labelled dotted. Declared in the chart's own SVG (the legend's
 * swatches use the same ids, declared once per page by the chart).
 */
const PATTERNED: Partial<Record<Segment, string>> = { compliesWithAf: "af-hatch", compliesAfUnlabelled: "af-dots" };
const fillOf = (key: Segment, color: string) => (PATTERNED[key] ? `url(#${PATTERNED[key]})` : color);

function SegmentPatterns() {
  const af = SEGMENTS.find((segment) => segment.key === "compliesWithAf")!.color;
  const unlabelled = SEGMENTS.find((segment) => segment.key === "compliesAfUnlabelled")!.color;
  return (
    <defs>
      <pattern id="af-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill={af} />
        <rect width="2" height="6" fill="#ffffff" fillOpacity="0.55" />
      </pattern>
      <pattern id="af-dots" width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" fill={unlabelled} />
        <circle cx="2.5" cy="2.5" r="1" fill="#78350f" fillOpacity="0.6" />
      </pattern>
    </defs>
  );
}

/** A dark diamond with a white rim: readable over every segment, and not a colour alone. */
function ReferenceMarkShape({ cx, cy, row, name }: { cx?: number; cy?: number; row?: ChartRow; name?: string }) {
  if (cx === undefined || cy === undefined || (row && row.reference === null)) return null;
  return (
    <path
      d={`M${cx},${cy - 6}L${cx + 6},${cy}L${cx},${cy + 6}L${cx - 6},${cy}Z`}
      fill="#312e81"
      stroke="#ffffff"
      strokeWidth={1.5}
      data-reference-mark={row ? row.id : undefined}
    >
      {row && <title>{`${name}: ${row.label}, refuses ${row.reference!.toFixed(1)}%`}</title>}
    </path>
  );
}

const CONDITION_COLOR = { training: "#c2410c", deployment: "#0369a1" };

/** Names the variation once, on its training bar; each bar says its condition in its colour. */
function BarLabel({ x, y, payload, rows }: { x?: number; y?: number; payload?: { value: string }; rows: ChartRow[] }) {
  const row = rows.find((r) => r.id === payload?.value);
  if (!row || x === undefined || y === undefined) return null;
  const name = row.variation.length > 38 ? row.variation.slice(0, 37) + "…" : row.variation;
  return (
    <g>
      {/* A bar with no labelled transcript says so: an empty row is not a rate of 0%. */}
      {row.n === 0 && (
        <text x={x + 14} y={y} dy={4} fontSize={11} fill="#64748b" data-empty-bar>
          no labels
        </text>
      )}
      <text
        x={x}
        y={y}
        dy={4}
        textAnchor="end"
        fontSize={11}
        data-variation-label={row.condition === "training" ? row.variation : undefined}
      >
        {/* The full name on hover: the label itself is cut at 38 characters. */}
        <title>{`${row.variation} · ${row.condition}`}</title>
        {row.condition === "training" && row.flagged && (
          <tspan fill="#be123c" fontWeight={700}>
            ★{" "}
          </tspan>
        )}
        {row.condition === "training" && <tspan fill="#0f172a">{name} · </tspan>}
        <tspan fill={CONDITION_COLOR[row.condition]}>{row.condition}</tspan>
      </text>
    </g>
  );
}

function SegmentTooltip({ active, payload }: { active?: boolean; payload?: { payload: ChartRow }[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow">
      <p className="font-semibold">{row.label}</p>
      <p className="text-slate-500">n = {row.n}</p>
      {SEGMENTS.filter((segment) => segment.key !== "compliesAfUnlabelled" || row.counts.compliesAfUnlabelled > 0).map((segment) => (
        <p key={segment.key}>
          <span className="mr-1 inline-block size-2 rounded-sm" style={{ background: segment.color }} />
          {segment.label}: {row.counts[segment.key] === null ? "–" : `${row[segment.key].toFixed(1)}% (${row.counts[segment.key]})`}
        </p>
      ))}
      {row.flagged && <p className="text-rose-700">★ Gap significant after correction</p>}
      <p className="mt-1 text-slate-500">Click a segment to open its transcripts.</p>
    </div>
  );
}
