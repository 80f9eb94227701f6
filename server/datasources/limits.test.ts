/** Server-wide query limits read from the environment, with defaults and loud misconfiguration. */
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_MAX_QUERIES_PER_USER, DEFAULT_MAX_RESULT_BYTES, maxQueriesPerUser, maxResultBytes } from "./limits";

afterEach(() => {
  delete process.env.ROWCRAFT_MAX_RESULT_BYTES;
  delete process.env.ROWCRAFT_MAX_QUERIES_PER_USER;
});

describe("query limits from the environment", () => {
  it("defaults to 20 MB per result and 2 statements per user and source", () => {
    expect(maxResultBytes()).toBe(DEFAULT_MAX_RESULT_BYTES);
    expect(DEFAULT_MAX_RESULT_BYTES).toBe(20 * 1024 * 1024);
    expect(maxQueriesPerUser()).toBe(DEFAULT_MAX_QUERIES_PER_USER);
  });

  it("reads positive whole numbers", () => {
    process.env.ROWCRAFT_MAX_RESULT_BYTES = "1048576";
    process.env.ROWCRAFT_MAX_QUERIES_PER_USER = "4";
    expect(maxResultBytes()).toBe(1_048_576);
    expect(maxQueriesPerUser()).toBe(4);
  });

  it("refuses anything else with a message naming the setting", () => {
    for (const bad of ["0", "-1", "1.5", "20MB", "lots"]) {
      process.env.ROWCRAFT_MAX_RESULT_BYTES = bad;
      expect(() => maxResultBytes()).toThrow(/ROWCRAFT_MAX_RESULT_BYTES must be a positive whole number of bytes/);
    }
  });
});
