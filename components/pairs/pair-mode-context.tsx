"use client";

import { createContext, useContext } from "react";
import type { PairMode } from "@/lib/annotations/pair-mode";

/** The side being annotated (null: reading), for the parts of each side that draw differently then. */
export const PairModeContext = createContext<PairMode>(null);
export const usePairMode = () => useContext(PairModeContext);
