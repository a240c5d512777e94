import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod's tree-shakable build, for code the first screen loads (the full build costs ~25 KB gzip).
 * Unlike `zod`, it sets no locale by itself: without English its issues read "Invalid input", and
 * those messages reach the user (bad responses, bad runtime config).
 */
z.config(en());

export { z };
