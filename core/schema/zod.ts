/**
 * The one place zod is imported from. zod 4 probes `new Function` for its JIT unless told not to;
 * under a strict CSP that probe is an eval, and Firefox's linter flags it. jitless before any
 * schema is built keeps every context eval-free.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
