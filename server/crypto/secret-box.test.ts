import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/server/crypto/secret-box";

const key = randomBytes(32).toString("hex");

describe("secret box", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptSecret('{"password":"hunter2-ünïcode"}', key);
    expect(sealed).not.toContain("hunter2");
    expect(decryptSecret(sealed, key)).toBe('{"password":"hunter2-ünïcode"}');
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("refuses a tampered ciphertext", () => {
    const sealed = encryptSecret("secret", key);
    const parts = sealed.split(".");
    const data = Buffer.from(parts[3] ?? "", "base64url");
    data[0] = (data[0] ?? 0) ^ 1;
    parts[3] = data.toString("base64url");
    expect(() => decryptSecret(parts.join("."), key)).toThrow(/cannot be decrypted/);
  });

  it("refuses the wrong key with a message naming the key", () => {
    const sealed = encryptSecret("secret", key);
    expect(() => decryptSecret(sealed, randomBytes(32).toString("hex"))).toThrow(/encryption key/);
  });
});
