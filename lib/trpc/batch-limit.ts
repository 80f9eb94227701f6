/** The most calls the browser puts in one batched tRPC request; the server never accepts fewer (ROWCRAFT_MAX_BATCH). */
export const BROWSER_MAX_BATCH = 10;
