/** Each dashboard operation's SHA-256, computed at build time (vite.config.ts). */
declare const __PERSISTED_HASHES__: Record<string, string>;
/** Romania's outline: rings of [longitude, latitude], computed at build time (vite.config.ts). */
declare const __ROMANIA_OUTLINE__: number[][][];
