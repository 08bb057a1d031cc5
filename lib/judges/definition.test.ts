import { describe, expect, it } from "vitest";
import { llmJudgeSchema } from "./definition";

/** The judge form and the API's body: what a lead types, checked with errors that name the field. */
describe("llmJudgeSchema", () => {
  const form = {
    name: "GPT judge",
    labelKey: "af_verdict",
    provider: "openai",
    model: "gpt-4o-mini",
    samples: "5",
    baseUrl: "",
    apiKeyName: "",
    requestsPerMinute: "",
  };

  it("reads the form's strings, empty optional fields as none", () => {
    expect(llmJudgeSchema.parse(form)).toMatchObject({
      samples: 5,
      aggregation: "majority",
      baseUrl: null,
      apiKeyName: null,
      requestsPerMinute: null,
      templateVersion: 1,
    });
  });

  it("names the field at fault", () => {
    const paths = (input: object) => {
      const result = llmJudgeSchema.safeParse({ ...form, ...input });
      return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
    };
    expect(paths({ samples: "0" })).toEqual(["samples"]);
    expect(paths({ baseUrl: "ftp://x" })).toEqual(["baseUrl"]);
    expect(paths({ apiKeyName: "my key" })).toEqual(["apiKeyName"]);
    expect(paths({ labelKey: "nonsense" })).toEqual(["labelKey"]);
    expect(paths({ templateVersion: "9" })).toEqual(["templateVersion"]);
    expect(paths({ name: "  " })).toEqual(["name"]);
  });
});
