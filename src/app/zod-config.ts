import { z } from 'zod';

// Zod compiles fast validators with `new Function` when it may, and probes for that the first time
// a schema is built. The page's Content-Security-Policy forbids it, and the probe would be reported
// as a violation. Validate without it (imported first by main.tsx, before any schema is made).
z.config({ jitless: true });
