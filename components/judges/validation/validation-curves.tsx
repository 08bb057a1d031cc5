"use client";

import { CartesianGrid, ErrorBar, Line, LineChart, ReferenceDot, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/analytics/chart-figure";

export interface CurvesData {
  roc: { x: number; y: number; threshold: number }[] | null;
  auroc: string | null;
  precisionRecall: { x: number; y: number; threshold: number }[] | null;
  calibration: { x: number; y: number; error: [number, number]; n: number }[] | null;
  /** The current operating point (false positive rate, recall; recall, precision). */
  operating: { fpr: number; recall: number; precision: number | null } | null;
}

const axis = { type: "number" as const, domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], tick: { fontSize: 11 } };

/** ROC, precision–recall and calibration of a scored judge; the threshold's point is marked on the first two. */
export function ValidationCurves({ data }: { data: CurvesData }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      {data.roc && (
        <ChartFigure title={`ROC curve${data.auroc ? ` · AUROC ${data.auroc}` : ""}`} fileName="judge-roc" height={280}>
          <LineChart margin={{ left: 0, right: 16, top: 8, bottom: 16 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis
              {...axis}
              dataKey="x"
              name="False positive rate"
              label={{ value: "False positive rate", position: "bottom", fontSize: 11 }}
            />
            <YAxis
              {...axis}
              dataKey="y"
              name="True positive rate"
              label={{ value: "Recall", angle: -90, position: "insideLeft", fontSize: 11 }}
            />
            <Tooltip formatter={(value) => (typeof value === "number" ? value.toFixed(3) : value)} />
            <Line
              data={[
                { x: 0, y: 0 },
                { x: 1, y: 1 },
              ]}
              dataKey="y"
              stroke="#94a3b8"
              strokeDasharray="4 4"
              dot={false}
              isAnimationActive={false}
              name="Chance"
            />
            <Line data={data.roc} dataKey="y" stroke="#4f46e5" dot={false} isAnimationActive={false} name="Judge" />
            {data.operating && <ReferenceDot x={data.operating.fpr} y={data.operating.recall} r={5} fill="#dc2626" stroke="#fff" />}
          </LineChart>
        </ChartFigure>
      )}
      {data.precisionRecall && (
        <ChartFigure title="Precision–recall curve" fileName="judge-precision-recall" height={280}>
          <LineChart margin={{ left: 0, right: 16, top: 8, bottom: 16 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis {...axis} dataKey="x" name="Recall" label={{ value: "Recall", position: "bottom", fontSize: 11 }} />
            <YAxis
              {...axis}
              dataKey="y"
              name="Precision"
              label={{ value: "Precision", angle: -90, position: "insideLeft", fontSize: 11 }}
            />
            <Tooltip formatter={(value) => (typeof value === "number" ? value.toFixed(3) : value)} />
            <Line
              data={data.precisionRecall}
              dataKey="y"
              stroke="#0f766e"
              type="stepAfter"
              dot={false}
              isAnimationActive={false}
              name="Judge"
            />
            {data.operating && data.operating.precision !== null && (
              <ReferenceDot x={data.operating.recall} y={data.operating.precision} r={5} fill="#dc2626" stroke="#fff" />
            )}
          </LineChart>
        </ChartFigure>
      )}
      {data.calibration && (
        <ChartFigure
          title="Calibration (observed share of human positives per score bin, 95% Wilson)"
          fileName="judge-calibration"
          height={280}
        >
          <ScatterChart margin={{ left: 0, right: 16, top: 8, bottom: 16 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis {...axis} dataKey="x" name="Mean score" label={{ value: "Mean score in bin", position: "bottom", fontSize: 11 }} />
            <YAxis {...axis} dataKey="y" name="Observed" label={{ value: "Observed", angle: -90, position: "insideLeft", fontSize: 11 }} />
            <Tooltip formatter={(value) => (typeof value === "number" ? value.toFixed(3) : String(value))} />
            <Scatter
              data={[
                { x: 0, y: 0 },
                { x: 1, y: 1 },
              ]}
              line={{ stroke: "#94a3b8", strokeDasharray: "4 4" }}
              shape={() => <g />}
              isAnimationActive={false}
              name="Perfect calibration"
            />
            <Scatter data={data.calibration} fill="#4f46e5" isAnimationActive={false} name="Bins">
              <ErrorBar dataKey="error" direction="y" width={4} stroke="#312e81" />
            </Scatter>
          </ScatterChart>
        </ChartFigure>
      )}
    </div>
  );
}
