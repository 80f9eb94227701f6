/**
 * Test fixture: a uniquely named, empty database on the machine's real PostgreSQL or MariaDB,
 * dropped afterwards. Server addresses come from ROWCRAFT_TEST_POSTGRES_URL and
 * ROWCRAFT_TEST_MYSQL_URL (defaults: the local servers with the machine's trust/root logins).
 */
import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import pg from "pg";

export const TEST_POSTGRES_URL = process.env.ROWCRAFT_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const TEST_MYSQL_URL = process.env.ROWCRAFT_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/test";

export interface TestDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

function uniqueName(): string {
  return `rowcraft_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const name = uniqueName();
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(TEST_POSTGRES_URL, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function createMysqlTestDatabase(): Promise<TestDatabase> {
  const name = uniqueName();
  const admin = await mysql.createConnection(TEST_MYSQL_URL);
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(TEST_MYSQL_URL, name),
    drop: async () => {
      const connection = await mysql.createConnection(TEST_MYSQL_URL);
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
    },
  };
}
