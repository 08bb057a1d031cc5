"use client";

import type { RefObject } from "react";

/** Saves the chart drawn inside `container` as SVG or PNG, straight from the browser. */
export function ChartDownloads({ container, fileName }: { container: RefObject<HTMLDivElement | null>; fileName: string }) {
  const svgText = () => {
    const svg = container.current?.querySelector("svg.recharts-surface");
    if (!svg) return null;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    clone.setAttribute("style", "background:#fff;font-family:system-ui,sans-serif");
    return new XMLSerializer().serializeToString(clone);
  };
  const save = (blob: Blob, extension: string) => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${fileName}.${extension}`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const downloadSvg = () => {
    const text = svgText();
    if (text) save(new Blob([text], { type: "image/svg+xml" }), "svg");
  };
  const downloadPng = () => {
    const text = svgText();
    const svg = container.current?.querySelector("svg.recharts-surface");
    if (!text || !svg) return;
    const { width, height } = svg.getBoundingClientRect();
    const image = new Image();
    image.onload = () => {
      const scale = 2; // crisp on slides
      const canvas = document.createElement("canvas");
      canvas.width = width * scale;
      canvas.height = height * scale;
      const context = canvas.getContext("2d")!;
      context.fillStyle = "#fff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, width, height);
      canvas.toBlob((blob) => blob && save(blob, "png"), "image/png");
    };
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
  };
  const button = "rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100";
  return (
    <span className="flex gap-2">
      <button type="button" className={button} onClick={downloadPng}>
        PNG
      </button>
      <button type="button" className={button} onClick={downloadSvg}>
        SVG
      </button>
    </span>
  );
}
