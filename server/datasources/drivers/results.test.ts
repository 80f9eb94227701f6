/** Result shaping shared by all drivers: JSON-safe values, unique column names, wording. */
import { describe, expect, it } from "vitest";
import { bigintToJson, formatSeconds, integerTextToJson, resultTooLargeMessage, rowBytes, rowsToObjects, toJsonSafe, uniqueColumnNames } from "./results";

describe("toJsonSafe", () => {
  it("keeps exact integers exact", () => {
    expect(bigintToJson(42n)).toBe(42);
    expect(bigintToJson(9007199254740993n)).toBe("9007199254740993");
    expect(bigintToJson(-9007199254740993n)).toBe("-9007199254740993");
    expect(integerTextToJson("123")).toBe(123);
    expect(integerTextToJson("99999999999999999999")).toBe("99999999999999999999");
    expect(integerTextToJson("1.5")).toBe("1.5");
  });

  it("converts dates, bytes, non-finite numbers and nested values", () => {
    expect(toJsonSafe(new Date("2024-01-02T03:04:05.678Z"))).toBe("2024-01-02T03:04:05.678Z");
    expect(toJsonSafe(Buffer.from([1, 2, 3]))).toBe("AQID");
    expect(toJsonSafe(new Uint8Array([255]))).toBe("/w==");
    expect(toJsonSafe(Number.NaN)).toBe("NaN");
    expect(toJsonSafe(Number.POSITIVE_INFINITY)).toBe("Infinity");
    expect(toJsonSafe(undefined)).toBeNull();
    expect(toJsonSafe({ a: [1n, new Date(0)], b: null })).toEqual({ a: [1, "1970-01-01T00:00:00.000Z"], b: null });
    expect(toJsonSafe({ toJSON: () => "custom" })).toBe("custom");
  });
});

describe("uniqueColumnNames", () => {
  it("renames only the repeats, never onto an existing name", () => {
    expect(uniqueColumnNames(["id", "name"])).toEqual(["id", "name"]);
    expect(uniqueColumnNames(["id", "id", "id"])).toEqual(["id", "id_2", "id_3"]);
    expect(uniqueColumnNames(["id", "id", "id_2"])).toEqual(["id", "id_3", "id_2"]);
  });

  it("builds objects from array rows", () => {
    expect(rowsToObjects(["a", "a_2"], [[1n, Buffer.from("x")]])).toEqual([{ a: 1, a_2: "eA==" }]);
  });
});

describe("formatSeconds", () => {
  it("reads naturally", () => {
    expect(formatSeconds(300)).toBe("0.3 s");
    expect(formatSeconds(5_000)).toBe("5 s");
    expect(formatSeconds(1_250)).toBe("1.3 s");
  });
});

describe("result byte cap wording and estimate", () => {
  it("says the limit in MB and what to do", () => {
    expect(resultTooLargeMessage(20 * 1024 * 1024)).toBe("The result is larger than 20 MB; select fewer columns or rows.");
    expect(resultTooLargeMessage(512 * 1024)).toBe("The result is larger than 0.5 MB; select fewer columns or rows.");
  });

  it("counts text by length, bytes by size, everything else as small", () => {
    expect(rowBytes(["abc", Buffer.alloc(10), 42, 7n, null, true])).toBe(3 + 10 + 8 + 8 + 1 + 8);
  });
});
