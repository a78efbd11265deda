// The shared limiter on Postgres: rate-limiter-flexible's RateLimiterPostgres keeps the slots in one
// table (created if missing), on a pool you pass or one made from a connection string.
import pg from 'pg';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { SharedLimiter, type SharedLimiterOptions } from './slots';

export interface PostgresLimiterOptions extends SharedLimiterOptions {
  /** A pg Pool to use (you close it); or give `connectionString`. */
  pool?: pg.Pool;
  /** Used to make a pool of `poolSize` connections (default 4), closed by `close()`. */
  connectionString?: string;
  poolSize?: number;
  /** One budget per name (default 'aivideomaker'): give each egress address its own. */
  name?: string;
  /** Table of the slots (default 'aivideomaker_limiter'). */
  tableName?: string;
}

export interface PostgresLimiter extends SharedLimiter {
  /** Ends the pool this limiter made (a pool you passed stays open). */
  close(): Promise<void>;
}

/** Creates the table if needed; resolves once the limiter is ready to use. */
export async function createPostgresLimiter(options: PostgresLimiterOptions): Promise<PostgresLimiter> {
  if (!options.pool && !options.connectionString) {
    throw new TypeError('createPostgresLimiter needs { pool } or { connectionString }');
  }
  const name = options.name ?? 'aivideomaker';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new TypeError('name: use 1-64 letters, digits, _ or -');
  const tableName = options.tableName ?? 'aivideomaker_limiter';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(tableName)) {
    throw new TypeError('tableName: use a lowercase SQL identifier (letters, digits, _)');
  }
  const owned = options.pool
    ? undefined
    : new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 4 });
  const pool = (options.pool ?? owned) as pg.Pool;
  try {
    const store = await openStore(pool, tableName, name);
    const limiter = new SharedLimiter(store, options) as PostgresLimiter;
    limiter.close = async () => {
      await owned?.end();
    };
    return limiter;
  } catch (error) {
    await owned?.end();
    throw error;
  }
}

/** Codes of a CREATE TABLE IF NOT EXISTS that lost a race with another process creating the same table. */
const CREATED_MEANWHILE = new Set(['23505', '42710', '42P07']);

async function openStore(pool: pg.Pool, tableName: string, name: string): Promise<RateLimiterPostgres> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await new Promise<RateLimiterPostgres>((resolve, reject) => {
        const store: RateLimiterPostgres = new RateLimiterPostgres(
          { storeClient: pool, storeType: 'pool', tableName, keyPrefix: name, points: 1, duration: 1 },
          (error) => (error ? reject(error) : resolve(store)),
        );
      });
    } catch (error) {
      // Workers starting together all create the table; the losers find it there on the next try.
      if (attempt >= 3 || !CREATED_MEANWHILE.has((error as { code?: string }).code ?? '')) throw error;
    }
  }
}
