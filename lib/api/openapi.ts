import { z } from "zod";
import {
  cancelAnswer,
  judgeAnswer,
  judgesAnswer,
  predictionFileAnswer,
  predictionFileRequest,
  predictionsAnswer,
  predictionsQuery,
  runAnswer,
  runRequestSchema,
  runsAnswer,
} from "@/lib/judges/api";
import { llmJudgeSchema } from "@/lib/judges/definition";
import packageJson from "@/package.json";
import { idParams } from "@/lib/schemas";
import { apiErrorSchema } from "@/lib/server/errors";
import {
  exportJobAnswer,
  exportJobsAnswer,
  healthAnswer,
  importAcceptedAnswer,
  importAnswer,
  jobAnswer,
  jobCancelAnswer,
  jobsAnswer,
  readinessAnswer,
  judgeRatesAnswer,
  statisticsAnswer,
  transcriptAnswer,
  transcriptListAnswer,
} from "./answers";
import { exportRequestSchema, importQuerySchema, jobListQuerySchema, statisticsQuerySchema, transcriptListQuerySchema } from "./schemas";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the
 * handlers validate with (z.toJSONSchema, input side: what a client sends).
 */
type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: "input" | "output" = "input"): JsonSchema => {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    io,
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
  "403": errorResponse(
    "The token's (or account's) role is too low; or (`cross_origin`) a change sent with a session cookie from another site's page.",
  ),
  "404": errorResponse("No such resource, or none this account may see."),
  "500": errorResponse("A bug: the message quotes `requestId`, under which the server logged it."),
};
const json = (description: string, schema: z.ZodType) => ({
  description,
  content: { "application/json": { schema: toSchema(schema, "output") } },
});

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
        Error: toSchema(apiErrorSchema),
        ExportRequest: toSchema(exportRequestSchema),
        VariationStatistics: toSchema(statisticsAnswer, "output"),
        JudgeVariationRates: toSchema(judgeRatesAnswer, "output"),
      },
    },
    paths: {
      "/transcripts": {
        get: {
          summary: "List transcripts with the transcripts table's filters (role: annotator)",
          parameters: parameters(transcriptListQuerySchema, "query"),
          responses: {
            "200": json(
              "`transcripts`, `counts`, `next_after` (pass as `after` for the next page; null on the last).",
              transcriptListAnswer,
            ),
            ...ERRORS,
          },
        },
      },
      "/transcripts/{id}": {
        get: {
          summary: "One transcript: texts, messages, annotations with spans, consensus (role: annotator; leads see every annotator)",
          parameters: parameters(idParams, "path"),
          responses: {
            "200": json("The transcript, in the export's shape (an annotator's: their own labels, no consensus).", transcriptAnswer),
            ...ERRORS,
          },
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
          responses: { "202": json("`import_id` and `status_url`.", importAcceptedAnswer), ...ERRORS },
        },
      },
      "/imports/{id}": {
        get: {
          summary: "An import's status, counts and first errors (role: lead)",
          parameters: parameters(idParams, "path"),
          responses: { "200": json("The import.", importAnswer), ...ERRORS },
        },
      },
      "/statistics/variations": {
        get: {
          summary:
            "Per variation of a setting: counts, rates and intervals (plain and clustered by query), the gap test and the AF-vs-baseline test with Holm and Benjamini–Hochberg adjusted p-values; the numbers of the chart's table and CSV. With source=@judge:<run>: the run's rate per variation × condition with its Wilson interval and, with corrected=1, the Rogan–Gladen corrected rate, its interval and the validation n (role: lead)",
          parameters: parameters(statisticsQuerySchema, "query"),
          responses: {
            "200": {
              description:
                "Human or imported labels (VariationStatistics): `filter`, `alpha`, `flag`, `af_baseline`, `methods` (name and reference of each method) and `variations`. A judge run (JudgeVariationRates): `label_source`, `filter`, `corrected`, `validation`, `methods` and `rates`.",
              content: {
                "application/json": {
                  schema: {
                    oneOf: [{ $ref: "#/components/schemas/VariationStatistics" }, { $ref: "#/components/schemas/JudgeVariationRates" }],
                  },
                },
              },
            },
            ...ERRORS,
          },
        },
      },
      "/judges": {
        get: {
          summary: "Every judge: LLM judges and imported classifiers (role: lead)",
          responses: { "200": json("`judges`.", judgesAnswer), ...ERRORS },
        },
        post: {
          summary: "Define an LLM judge: provider, model, the label it answers (default template), N samples and the rule (role: lead)",
          requestBody: { required: true, content: { "application/json": { schema: toSchema(llmJudgeSchema) } } },
          responses: { "201": json("The judge (its key only by name).", judgeAnswer), ...ERRORS },
        },
      },
      "/judges/imported": {
        post: {
          summary: "Import an external classifier's predictions (JSONL/CSV text) as a run of an imported judge (role: lead)",
          requestBody: { required: true, content: { "application/json": { schema: toSchema(predictionFileRequest) } } },
          responses: { "201": json("The run.", predictionFileAnswer), ...ERRORS },
        },
      },
      "/judges/{id}/runs": {
        post: {
          summary: "Run a judge over a filter of the transcripts table as a background job (role: lead)",
          parameters: parameters(idParams, "path"),
          requestBody: { required: true, content: { "application/json": { schema: toSchema(runRequestSchema) } } },
          responses: { "202": json("The run: poll /judge-runs/{id}.", runAnswer), ...ERRORS },
        },
        get: {
          summary: "A judge's runs (role: lead)",
          parameters: parameters(idParams, "path"),
          responses: { "200": json("`runs`.", runsAnswer), ...ERRORS },
        },
      },
      "/judge-runs/{id}": {
        get: {
          summary: "A judge run: status, progress (done of total transcripts), tokens, estimated cost (role: lead)",
          parameters: parameters(idParams, "path"),
          responses: { "200": json("The run.", runAnswer), ...ERRORS },
        },
      },
      "/judge-runs/{id}/cancel": {
        post: {
          summary: "Cancel a judge run (role: lead)",
          parameters: parameters(idParams, "path"),
          responses: { "200": json("`outcome`.", cancelAnswer), ...ERRORS },
        },
      },
      "/judge-runs/{id}/predictions": {
        get: {
          summary: "A run's predictions: verdict, score, reason, evidence with UTF-16 offsets into the scratchpad (role: lead)",
          parameters: [...parameters(idParams, "path"), ...parameters(predictionsQuery, "query")],
          responses: { "200": json("`predictions` and `next`.", predictionsAnswer), ...ERRORS },
        },
      },
      "/exports": {
        post: {
          summary: "Start an export of a filter of the transcripts table (role: lead)",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ExportRequest" } } } },
          responses: { "202": json("The job: `status_url` to poll, `files` once it succeeded.", exportJobAnswer), ...ERRORS },
        },
        get: { summary: "The latest export jobs (role: lead)", responses: { "200": json("`exports`.", exportJobsAnswer), ...ERRORS } },
      },
      "/exports/{id}": {
        get: {
          summary: "An export job: status (queued, running, succeeded, failed, cancelled), progress, attempts, files (role: lead)",
          parameters: parameters(idParams, "path"),
          responses: { "200": json("The job.", exportJobAnswer), ...ERRORS },
        },
      },
      "/exports/{id}/files/{name}": {
        get: {
          summary: "Download one file of a finished export, e.g. data/train.jsonl, manifest.json, README.md (role: lead)",
          parameters: [
            ...parameters(idParams, "path"),
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
          responses: { "200": json("`jobs`, newest first.", jobsAnswer), ...ERRORS },
        },
      },
      "/jobs/{id}": {
        get: {
          summary: "A background job: kind, status, attempts, progress, worker, message, result (role: lead)",
          parameters: parameters(idParams, "path"),
          responses: { "200": json("The job.", jobAnswer), ...ERRORS },
        },
      },
      "/jobs/{id}/cancel": {
        post: {
          summary: "Cancel a job: a queued one at once, a running one within seconds (role: lead)",
          parameters: parameters(idParams, "path"),
          responses: {
            "200": json("`outcome` (cancelled, or finished when it had already ended) and the job.", jobCancelAnswer),
            "202": json("`outcome: stopping` and the job: its worker stops it within seconds; poll its `status_url`.", jobCancelAnswer),
            ...ERRORS,
          },
        },
      },
      // Outside /api/v1 and public: for load balancers and probes.
      "/health": {
        servers: [{ url: "/api" }],
        get: {
          summary: "Liveness: the process answers (public)",
          security: [],
          responses: { "200": json("`status: ok`.", healthAnswer) },
        },
      },
      "/ready": {
        servers: [{ url: "/api" }],
        get: {
          summary: "Readiness: database, replica, migrations, job queue schema, storage; 503 while any fails or the server drains (public)",
          security: [],
          responses: {
            "200": json("`status: ready`, each check and the live workers.", readinessAnswer),
            "503": json("`status: not_ready`: the checks say which failed (details in the server log).", readinessAnswer),
          },
        },
      },
    },
  };
}
