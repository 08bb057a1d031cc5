"use client";

import { useRef, type ReactElement } from "react";
import { ResponsiveContainer } from "recharts";
import { ChartDownloads } from "./chart-downloads";

/** A chart's frame: title, PNG/SVG downloads of what is drawn inside, and a height that grows with its rows. */
export function ChartFigure({
  title,
  fileName,
  height,
  children,
}: {
  title: string;
  fileName: string;
  height: number;
  children: ReactElement;
}) {
  const container = useRef<HTMLDivElement>(null);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="mb-2 flex items-center justify-between gap-4">
        <span className="text-sm font-semibold">{title}</span>
        <ChartDownloads container={container} fileName={fileName} />
      </figcaption>
      <div ref={container} style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
