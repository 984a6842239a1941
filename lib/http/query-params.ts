// Reading a URL's query with zod, the same way for every API route and page: a parameter given twice is an
// error, an empty one is not given, and a refusal names each problem in words a client can act on.
import { z } from "zod";

/** Missing and empty parameters mean "not given"; a parameter given twice is an error, not a guess. */
export function single<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

/** Reads URLSearchParams into a plain object, keeping repeated keys as arrays so they fail validation. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = values.length === 1 ? values[0]! : values;
  }
  return result;
}

/** The parameters a request got wrong, each named once: unknown ones and those with a bad value. */
export function parametersAtFault(error: z.ZodError): string[] {
  const names = error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys" ? issue.keys.map((key) => key.slice(0, 40)) : [String(issue.path[0] ?? "")],
  );
  return [...new Set(names.filter(Boolean))];
}

export function describeZodError(error: z.ZodError): string {
  const problems = error.issues.map((issue) => {
    const name = issue.path.join(".");
    if (issue.code === "unrecognized_keys")
      return `unknown parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `"${key.slice(0, 40)}"`).join(", ")}`;
    if (issue.code === "invalid_type") return `${name} must be given once, as text`;
    return `${name} ${issue.message}`;
  });
  return `Invalid request: ${problems.join("; ")}.`;
}
