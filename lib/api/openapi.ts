import { z } from "zod";
import { statisticsResponseSchema } from "@/lib/analytics/statistics-json";
import packageJson from "@/package.json";
import {
  exportRequestSchema,
  idParamsSchema,
  importQuerySchema,
  jobListQuerySchema,
  statisticsQuerySchema,
  transcriptListQuerySchema,
} from "./schemas";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the
 * handlers validate with (z.toJSONSchema, input side: what a client sends).
 */
type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as JsonSchema;
  return json;
};

function parameters(schema: z.ZodObject, where: "query" | "path") {
  const json = toSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    const array = rest.type === "array" || JSON.stringify(rest).includes('"array"');
    return {
      name,
      in: where,
      required: where === "path" || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
      ...(array ? { style: "form", explode: true } : {}),
    };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});
const ERRORS = {
  "400": errorResponse("Invalid input: `message` says what and where, `issues` lists each problem."),
  "401": errorResponse("No valid token or session."),
  "403": errorResponse("The token's (or account's) role is too low."),
  "404": errorResponse("No such resource."),
};
const json = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "AF Lens API",
      version: packageJson.version,
      description:
        "Transcripts, labels, statistics and exports of the alignment-faking dashboard. Authenticate with a personal API token (create one at /settings/tokens): `Authorization: Bearer afl_...`. A token acts with its creator's role.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A personal API token, afl_..." } },
      schemas: {
        Error: {
          type: "object",
          required: ["error", "message"],
          properties: {
            error: { type: "string" },
            message: { type: "string" },
            issues: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
          },
        },
        ExportRequest: toSchema(exportRequestSchema),
        VariationStatistics: toSchema(statisticsResponseSchema),
      },
    },
    paths: {
      "/transcripts": {
        get: {
          summary: "List transcripts with the transcripts table's filters (role: annotator)",
          parameters: parameters(transcriptListQuerySchema, "query"),
          responses: {
            "200": json("`transcripts`, `counts`, `next_after` (pass as `after` for the next page; null on the last)."),
            ...ERRORS,
          },
        },
      },
      "/transcripts/{id}": {
        get: {
          summary: "One transcript: texts, messages, annotations with spans, consensus (role: annotator; leads see every annotator)",
          parameters: parameters(idParamsSchema, "path"),
          responses: { "200": json("The transcript, in the export's shape."), ...ERRORS },
        },
      },
      "/imports": {
        post: {
          summary: "Import a file (JSONL, JSON, CSV, native, Inspect log) with the import engine, queued for a worker (role: lead)",
          parameters: parameters(importQuerySchema, "query"),
          requestBody: {
            required: true,
            description: "The file's bytes; or multipart/form-data with the file in part `file` and a mapping's JSON in part `mapping`.",
            content: {
              "application/octet-stream": { schema: { type: "string", format: "binary" } },
              "multipart/form-data": {
                schema: {
                  type: "object",
                  required: ["file"],
                  properties: {
                    file: { type: "string", format: "binary" },
                    mapping: { type: "string", description: "A mapping (docs/import/mapping.schema.json) as JSON text." },
                  },
                },
              },
            },
          },
          responses: { "202": json("`import_id` and `status_url`."), ...ERRORS },
        },
      },
      "/imports/{id}": {
        get: {
          summary: "An import's status, counts and first errors (role: lead)",
          parameters: parameters(idParamsSchema, "path"),
          responses: { "200": json("The import."), ...ERRORS },
        },
      },
      "/statistics/variations": {
        get: {
          summary:
            "Per variation of a setting: counts, rates and intervals (plain and clustered by query), the gap test and the AF-vs-baseline test with Holm and Benjamini–Hochberg adjusted p-values; the numbers of the chart's table and CSV (role: lead)",
          parameters: parameters(statisticsQuerySchema, "query"),
          responses: {
            "200": {
              description: "`filter`, `alpha`, `flag`, `af_baseline`, `methods` (name and reference of each method) and `variations`.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/VariationStatistics" } } },
            },
            ...ERRORS,
          },
        },
      },
      "/exports": {
        post: {
          summary: "Start an export of a filter of the transcripts table (role: lead)",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ExportRequest" } } } },
          responses: { "202": json("The job: `status_url` to poll, `files` once it succeeded."), ...ERRORS },
        },
        get: { summary: "The latest export jobs (role: lead)", responses: { "200": json("`exports`."), ...ERRORS } },
      },
      "/exports/{id}": {
        get: {
          summary: "An export job: status (queued, running, succeeded, failed, cancelled), progress, attempts, files (role: lead)",
          parameters: parameters(idParamsSchema, "path"),
          responses: { "200": json("The job."), ...ERRORS },
        },
      },
      "/exports/{id}/files/{name}": {
        get: {
          summary: "Download one file of a finished export, e.g. data/train.jsonl, manifest.json, README.md (role: lead)",
          parameters: [
            ...parameters(idParamsSchema, "path"),
            {
              name: "name",
              in: "path",
              required: true,
              schema: { type: "string" },
              description: "The file's name as listed in the job's `files` (may contain /).",
            },
          ],
          responses: {
            "200": { description: "The file; `x-checksum-sha256` carries its sha256." },
            "302": { description: "With S3_PRESIGNED_DOWNLOADS=true: a short-lived presigned URL of the object in the bucket." },
            ...ERRORS,
          },
        },
      },
      "/jobs": {
        get: {
          summary: "The latest background jobs: imports, exports, label-signature rebuilds (role: lead)",
          parameters: parameters(jobListQuerySchema, "query"),
          responses: { "200": json("`jobs`, newest first."), ...ERRORS },
        },
      },
      "/jobs/{id}": {
        get: {
          summary: "A background job: kind, status, attempts, progress, worker, message, result (role: lead)",
          parameters: parameters(idParamsSchema, "path"),
          responses: { "200": json("The job."), ...ERRORS },
        },
      },
      "/jobs/{id}/cancel": {
        post: {
          summary: "Cancel a job: a queued one at once, a running one within seconds (role: lead)",
          parameters: parameters(idParamsSchema, "path"),
          responses: {
            "200": json("`outcome` (cancelled, or finished when it had already ended) and the job."),
            "202": json("`outcome: stopping` and the job: its worker stops it within seconds; poll its `status_url`."),
            ...ERRORS,
          },
        },
      },
    },
  };
}
