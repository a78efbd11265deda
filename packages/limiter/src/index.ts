// @aivideomaker/limiter: one query budget for every process behind one address, as a QueryLimiter for
// `new AIVideoMaker({ rateLimit })`.
export { createPostgresLimiter, type PostgresLimiter, type PostgresLimiterOptions } from './postgres';
export { SharedLimiter, type SharedLimiterOptions, type SlotStore } from './slots';
