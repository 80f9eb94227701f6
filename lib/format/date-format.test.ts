import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, parseTimestamp } from "./date-format";

const utc = { locale: "en-US", timeZone: "UTC" };

describe("formatDateTime: one policy for every screen", () => {
  it("shows an ISO timestamp and a database timestamp of the same instant the same way", () => {
    // The conflict panel's case: `2022-02-26T15:30:00.000Z` beside `2022-02-25 12:00:00+00`.
    expect(formatDateTime("2022-02-26T15:30:00.000Z", utc)).toBe("Feb 26, 2022, 3:30 PM");
    expect(formatDateTime("2022-02-25 12:00:00+00", utc)).toBe("Feb 25, 2022, 12:00 PM");
    expect(formatDateTime(new Date(Date.UTC(2022, 1, 25, 12)), utc)).toBe("Feb 25, 2022, 12:00 PM");
  });

  it("converts zoned values to the user's zone and names the zone where asked", () => {
    expect(formatDateTime("2026-03-04T10:22:00Z", { locale: "en-US", timeZone: "America/New_York" })).toBe("Mar 4, 2026, 5:22 AM");
    expect(formatDateTime("2026-03-04T10:22:00+02:00", { ...utc, showZone: true })).toBe("Mar 4, 2026, 8:22 AM UTC");
    expect(formatDateTime("2026-03-04T10:22:00Z", { locale: "de-DE", timeZone: "Europe/Berlin", showZone: true })).toBe("4. März 2026, 11:22 MEZ");
  });

  it("shows a naive timestamp as stored, without inventing a zone", () => {
    expect(formatDateTime("2026-03-04 10:22:00", { locale: "en-US", timeZone: "Asia/Tokyo", showZone: true })).toBe("Mar 4, 2026, 10:22 AM");
    expect(formatDateTime("2026-03-04T10:22:15", utc)).toBe("Mar 4, 2026, 10:22:15 AM");
  });

  it("is null for what is not a timestamp", () => {
    expect(formatDateTime("soon", utc)).toBeNull();
    expect(formatDateTime(42, utc)).toBeNull();
    expect(parseTimestamp("2026-02-30T99:00")).toBeNull();
  });
});

describe("formatDate", () => {
  it("shows the stored day whatever the user's zone", () => {
    expect(formatDate("2026-03-04", { locale: "en-US" })).toBe("Mar 4, 2026");
    expect(formatDate(new Date(Date.UTC(2026, 2, 4)), { locale: "en-GB" })).toBe("4 Mar 2026");
  });
});
